package dev.proxmoxmpc.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated scripts against the simulator over real HTTPS, run by {@code sh} (dash on Debian) with curl and
 * jq: TLS checked with the certificate saved in the project (or a pinned key), the token from the environment.
 */
class ScriptsIT {
    private static final Pattern ARCHIVE = Pattern.compile("archive (\\S+)");

    @TempDir
    Path project;
    private SimulatorServer sim;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        External.need("running the generated scripts", "sh", "-c", "true");
        External.need("running the generated scripts", "curl", "--version");
        External.need("running the generated scripts", "jq", "--version");
        sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(30).build());
        generate(Map.of());
        Files.createDirectories(project.resolve(".proxmox"));
        Files.writeString(project.resolve(".proxmox/pve-root-ca.pem"), pem(), StandardCharsets.US_ASCII);
        env.put("PROXMOX_TOKEN_ID", sim.tokenId());
        env.put("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret());
        env.put("PVE_POLL", "1");
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void backupStartsAVzdumpTaskAndReportsItDone() throws Exception {
        External.Run r = script("backup.sh", "web-01");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("web-01 (100) on pve1: backup started, task UPID:pve1:")
                .containsPattern("web-01 \\(100\\) on pve1: backup OK, archive local:backup/vzdump-qemu-100-\\S+\\.vma\\.zst");
        assertThat(api("/nodes/pve1/storage/local/content?content=backup").path("data"))
                .anySatisfy(v -> assertThat(v.path("volid").asText()).startsWith("local:backup/vzdump-qemu-100-"));
    }

    @Test
    void backupOfAnUnknownGuestIsAUsageError() throws Exception {
        External.Run r = script("backup.sh", "no-such-guest");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no guest named or numbered 'no-such-guest'");
    }

    @Test
    void restoreRefusesToOverwriteARunningGuest() throws Exception {
        String archive = backup("web-01");
        External.Run r = script("restore.sh", "--force", archive);
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("refusing to restore over web-01 (100) on pve1: it is running");
        assertThat(api("/cluster/resources?type=vm").path("data")).anySatisfy(g -> {
            assertThat(g.path("vmid").asInt()).isEqualTo(100);
            assertThat(g.path("status").asText()).isEqualTo("running");
        });
    }

    @Test
    void restoreIntoAFreeVmidFindsTheArchiveAndWaitsForTheTask() throws Exception {
        String archive = backup("dns-01");
        External.Run r = script("restore.sh", archive, "950");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("restored 950 on pve1: OK");
        assertThat(api("/nodes/pve1/lxc/950/config").path("data").path("hostname").asText()).isEqualTo("dns-01");
    }

    @Test
    void monitoringIsOkOnTheDemo() throws Exception {
        External.Run r = script("monitoring.sh");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).startsWith("OK - 3/3 nodes online, 9 storages, 15/17 guests running, 2 HA resources");
    }

    @Test
    void monitoringWarnsAboutStorageOverTheThreshold() throws Exception {
        External.Run r = script("monitoring.sh", "--warn", "1", "--crit", "100");
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).startsWith("WARNING - ").containsPattern("WARNING: storage local-lvm on pve1 is \\d+% full");
        assertThat(script("monitoring.sh", "--warn", "x").exit()).isEqualTo(3);
    }

    @Test
    void backupWithoutArgumentsBacksUpEveryGuestButTheTemplates() throws Exception {
        External.Run r = script("backup.sh");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains(": backup OK, archive ")).count()).isEqualTo(17);
        assertThat(r.out()).doesNotContain("debian-12-cloud");
    }

    @Test
    void monitoringIsUnknownWhenTheApiCannotBeReached() throws Exception {
        env.put("PROXMOX_MPC_URL", "https://127.0.0.1:1");
        External.Run r = script("monitoring.sh");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).startsWith("UNKNOWN - the Proxmox VE API at https://127.0.0.1:1 cannot be used");
    }

    @Test
    void monitoringIsUnknownWithAWrongSecret() throws Exception {
        env.put("PROXMOX_MPC_DEFAULT_SECRET", "00000000-0000-0000-0000-000000000000");
        External.Run r = script("monitoring.sh");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("HTTP 401");
    }

    @Test
    void monitoringIsCriticalWhenANodeIsDown() throws Exception {
        sim.faults().nodeOffline("pve3", true); // as PVE shows it: offline in /nodes and /cluster/resources, 595 below
        External.Run r = script("monitoring.sh");
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).startsWith("CRITICAL - ").contains("pve3");
    }

    @Test
    void monitoringIsCriticalWhenAnHaResourceIsInError() throws Exception {
        // A locked guest makes the HA manager's stop task fail: the service goes to 'error', as on a real cluster.
        sim.faults().lockGuest(101, "backup");
        put("/cluster/ha/resources/vm:101", "state=stopped");
        for (int i = 0; i < 100 && !haState(101).equals("error"); i++) {
            Thread.sleep(50);
        }
        assertThat(haState(101)).isEqualTo("error");
        External.Run r = script("monitoring.sh");
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).startsWith("CRITICAL - ").contains("CRITICAL: HA resource qemu/101 (web-02) is in error state");
    }

    @Test
    void aPinnedPublicKeyStandsInForTheCertificate() throws Exception {
        Files.delete(project.resolve(".proxmox/pve-root-ca.pem"));
        String pin = "sha256//" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(sim.certificate().getPublicKey().getEncoded()));
        env.put("PROXMOX_PINNEDPUBKEY", pin);
        assertThat(script("monitoring.sh").exit()).isZero();
        env.put("PROXMOX_PINNEDPUBKEY", "sha256//" + Base64.getEncoder().encodeToString(new byte[32]));
        External.Run wrong = script("monitoring.sh");
        assertThat(wrong.exit()).isEqualTo(3);
        env.remove("PROXMOX_PINNEDPUBKEY");
        External.Run none = script("monitoring.sh");
        assertThat(none.exit()).as("no CA file and no pin: the system CAs do not know the simulator").isEqualTo(3);
    }

    @Test
    void aPinBakedInAtGenerationIsUsedBeforeTheCaFileAndPROXMOX_CACERTChoosesTheCa() throws Exception {
        String pin = "sha256//" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(sim.certificate().getPublicKey().getEncoded()));
        generate(Map.of("pinned_public_key", pin));
        assertThat(Files.readString(project.resolve("scripts/lib/pve-api.sh"))).contains("PVE_PIN=" + pin + "\n");
        Files.delete(project.resolve(".proxmox/pve-root-ca.pem"));
        External.Run pinned = script("monitoring.sh");
        assertThat(pinned.exit()).as(pinned.all()).isZero();

        Files.writeString(project.resolve(".proxmox/pve-root-ca.pem"), pem(), StandardCharsets.US_ASCII);
        generate(Map.of("pinned_public_key", "sha256//" + Base64.getEncoder().encodeToString(new byte[32])));
        External.Run wrongPin = script("monitoring.sh");
        assertThat(wrongPin.exit()).as("the recorded pin is checked first, even with a CA file: " + wrongPin.all()).isEqualTo(3);
        env.put("PROXMOX_CACERT", project.resolve(".proxmox/pve-root-ca.pem").toString());
        External.Run ca = script("monitoring.sh");
        assertThat(ca.exit()).as("PROXMOX_CACERT chooses the CA over the recorded pin: " + ca.all()).isZero();
    }

    @Test
    void aMissingSecretIsNamed() throws Exception {
        env.remove("PROXMOX_MPC_DEFAULT_SECRET");
        External.Run r = script("backup.sh", "web-01");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("set PROXMOX_MPC_DEFAULT_SECRET to the API token's secret");
    }

    /** Writes the scripts (and docs) generated with these docs options into the project. */
    private void generate(Map<String, Object> options) throws Exception {
        for (GeneratedFile f : Scenarios.generate(Scenarios.inventory("demo"), options, new ClasspathTemplates(),
                sim.url().toString()).files()) {
            Path p = project.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content(), StandardCharsets.UTF_8);
        }
    }

    private String backup(String guest) throws Exception {
        External.Run r = script("backup.sh", guest);
        assertThat(r.exit()).as(r.all()).isZero();
        Matcher m = ARCHIVE.matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    private External.Run script(String name, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("sh", "scripts/" + name));
        cmd.addAll(List.of(args));
        return External.run(project, cmd, env);
    }

    private String haState(int vmid) throws Exception {
        for (JsonNode g : api("/cluster/resources?type=vm").path("data")) {
            if (g.path("vmid").asInt() == vmid) {
                return g.path("hastate").asText("");
            }
        }
        return "";
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = client().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    private void put(String path, String form) throws Exception {
        HttpResponse<String> r = client().send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(sim.apiUrl() + path))
                .header("Authorization", "PVEAPIToken=" + sim.tokenId() + "=" + sim.tokenSecret());
    }

    private HttpClient client() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("sim", sim.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    private String pem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(sim.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
