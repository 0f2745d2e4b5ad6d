package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control end to end on the demo: /sync writes access.tf and plans nothing; hand edits to access.tf (a role's
 * privileges, a new group, user, token and ACL entry, a removed ACL entry) are read by /sync, planned and applied, and
 * the simulator then lets the CI token do what its new privilege allows; removing proxmox-mpc's own token is refused
 * before anything is written; no token secret ever reaches a file, the state or the output.
 */
class AccessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void accessIsManagedFromTerraformAndEnforcedAndNoSecretLeaks(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(30).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            Path project = tmp.resolve("project");
            List<String> output = new ArrayList<>();
            output.add(p.ok("sync").all());
            Path tf = project.resolve("terraform/access.tf");
            String access = Files.readString(tf, StandardCharsets.UTF_8);
            assertThat(access).contains("resource \"proxmox_virtual_environment_user\" \"alice_pve\"",
                    "resource \"proxmox_virtual_environment_group\" \"ops\"", "resource \"proxmox_virtual_environment_role\" \"vmoperator\"",
                    "resource \"proxmox_user_token\" \"ci_pve_deploy\"", "resource \"proxmox_acl\"", "token_id = \"ci@pve!deploy\"");
            assertThat(Files.readString(project.resolve("terraform/imports.tf"))).contains("\"/pool/production?ops?PVEVMAdmin\"");
            Product.Run plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isZero();

            // the CI token cannot snapshot yet: its role VMOperator lacks VM.Snapshot
            String ciSecret = regenerate(sim, "ci@pve", "deploy");
            assertThat(call(sim, "ci@pve!deploy", ciSecret, "POST", "/nodes/pve1/qemu/100/snapshot", "snapname=before").statusCode()).isEqualTo(403);

            String edited = access
                    .replace("privileges = [\"VM.Audit\", \"VM.Console\", \"VM.PowerMgmt\"]",
                            "privileges = [\"VM.Audit\", \"VM.Console\", \"VM.PowerMgmt\", \"VM.Snapshot\"]")
                    .replaceAll("(?s)resource \"proxmox_acl\" \"alice_pve_pvedatastoreuser[^\\n]*\\n.*?\\n}\\n", "")
                    + "\nresource \"proxmox_virtual_environment_group\" \"dev\" {\n  group_id = \"dev\"\n  comment  = \"Developers\"\n}\n"
                    + "\nresource \"proxmox_virtual_environment_user\" \"bob\" {\n  user_id = \"bob@pve\"\n  email   = \"bob@example.com\"\n"
                    + "  groups  = [\"dev\"]\n}\n"
                    + "\nresource \"proxmox_user_token\" \"bob_backup\" {\n  user_id    = \"bob@pve\"\n  token_name = \"backup\"\n}\n"
                    + "\nresource \"proxmox_acl\" \"dev_auditor\" {\n  path     = \"/vms\"\n  group_id = \"dev\"\n  role_id  = \"PVEAuditor\"\n}\n";
            assertThat(edited).isNotEqualTo(access).doesNotContain("alice_pve_pvedatastoreuser");
            Files.writeString(tf, edited, StandardCharsets.UTF_8);
            output.add(p.ok("sync").all());
            JsonNode planned = p.json("plan", "--json");
            assertThat(planned.path("items")).as(planned.toString()).hasSize(6);
            Product.Run applied = p.ok("apply", "--yes");
            output.add(applied.all());

            assertThat(call(sim, "ci@pve!deploy", ciSecret, "POST", "/nodes/pve1/qemu/100/snapshot", "snapname=before").statusCode())
                    .as("the role's new privilege is enforced").isEqualTo(200);
            assertThat(aclIds(sim)).contains("/vms|group|dev|PVEAuditor").doesNotContain("/storage/local|user|alice@pve|PVEDatastoreUser");
            String bobSecret = sim.tokenSecret("bob@pve!backup").orElseThrow();
            plan = p.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isZero();

            // proxmox-mpc's own token: removing it from the file is planned but refused before anything is written
            String own = Files.readString(tf, StandardCharsets.UTF_8);
            Files.writeString(tf, own.replaceAll("(?s)resource \"proxmox_user_token\" \"root_pam_mpc\" \\{.*?\\n}\\n", ""), StandardCharsets.UTF_8);
            output.add(p.ok("sync").all());
            Product.Run refused = p.run("apply", "--yes");
            output.add(refused.all());
            assertThat(refused.exitCode()).as(refused.all()).isEqualTo(1);
            assertThat(refused.all()).contains("token/root@pam!mpc", "lock itself out");
            assertThat(sim.tokenSecret("root@pam!mpc")).isPresent();
            assertThat(p.ok("status").all()).contains("Pending changes");

            // no secret anywhere: generated files, the state database, history, any output
            List<String> secrets = List.of(ciSecret, bobSecret, sim.tokenSecret());
            try (Stream<Path> files = Files.walk(project)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (String s : secrets) {
                        assertThat(bytes).as(f.toString()).doesNotContain(s);
                    }
                }
            }
            for (String out : output) {
                for (String s : secrets) {
                    assertThat(out).doesNotContain(s);
                }
            }
        }
    }

    private static List<String> aclIds(SimulatorServer sim) throws Exception {
        HttpResponse<String> r = call(sim, sim.tokenId(), sim.tokenSecret(), "GET", "/access/acl", "");
        List<String> out = new ArrayList<>();
        for (JsonNode a : JSON.readTree(r.body()).path("data")) {
            out.add(a.path("path").asText() + "|" + a.path("type").asText() + "|" + a.path("ugid").asText() + "|" + a.path("roleid").asText());
        }
        return out;
    }

    private static String regenerate(SimulatorServer sim, String userid, String name) throws Exception {
        HttpResponse<String> r = call(sim, sim.tokenId(), sim.tokenSecret(), "PUT", "/access/users/" + userid + "/token/" + name, "regenerate=1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("data").path("value").asText();
    }

    private static HttpResponse<String> call(SimulatorServer sim, String tokenId, String secret, String method, String path,
                                             String form) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("simulator", sim.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + "/api2/json" + path))
                .header("Authorization", "PVEAPIToken=" + tokenId + "=" + secret);
        if (method.equals("GET")) {
            b.GET();
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        return HttpClient.newBuilder().sslContext(ssl).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
