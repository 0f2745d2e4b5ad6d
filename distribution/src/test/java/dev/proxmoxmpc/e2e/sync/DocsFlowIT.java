package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The docs plugin in the assembled product: /sync writes docs/ and scripts/ with the others' files, the links from
 * architecture.md to each guest's Terraform and Ansible files lead to files the other generators wrote, and /docs
 * on an unchanged state rewrites nothing.
 */
class DocsFlowIT {
    private static final Pattern LINK = Pattern.compile("\\]\\(\\.\\./((?:terraform|ansible)/[^)]+)\\)");

    @Test
    void syncWritesTheDocsAndDocsRewritesNothing(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");

            String arch = Files.readString(p.dir.resolve("docs/architecture.md"));
            for (String name : new String[] {"pve1", "pve2", "pve3", "web-01", "web-02", "db-01", "dns-01", "reverse-proxy",
                    "debian-12-cloud"}) {
                assertThat(arch).contains(name);
            }
            assertThat(arch).contains("| 101 | web-02 | vm | running | 2 | 4 GiB | scsi0 local-lvm 32G | 10.0.0.102/24 | prod, web | production | started |");
            Matcher m = LINK.matcher(arch);
            int links = 0;
            while (m.find()) {
                assertThat(p.dir.resolve(m.group(1))).as("link target " + m.group(1)).isRegularFile();
                links++;
            }
            assertThat(links).as("19 guests and the 2 templates again in their own table").isEqualTo(2 * (19 + 2));
            assertThat(p.dir.resolve("scripts/backup.sh")).isExecutable();
            assertThat(p.dir.resolve("docs/runbooks/migrate-guest.md")).content().contains("migrate vm web-01 --to-node pve2");

            Product.Run docs = p.ok("docs");
            assertThat(docs.stdout()).contains("docs up to date (0 written, 20 unchanged, 0 removed");
            JsonNode json = p.json("docs", "--json");
            assertThat(json.path("written")).isEmpty();
            assertThat(json.path("unchanged")).hasSize(20);
        }
    }

    @Test
    void initRecordsTheServerKeyPinAndTheScriptsCheckTheServerWithItThroughCurl(@TempDir Path tmp) throws Exception {
        boolean required = "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
        boolean tools = onPath("curl") && onPath("jq");
        if (!tools && !required) {
            System.out.println("DocsFlowIT skipped a case: curl and jq (Debian packages) are needed to run the generated scripts");
        }
        assumeTrue(tools || required, "curl and jq are not installed");
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            String pin = "sha256//" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(sim.certificate().getPublicKey().getEncoded()));
            assertThat(Files.readString(p.dir.resolve(".proxmox/config.yml"))).contains("fingerprint:")
                    .containsPattern("pinned_public_key: \"?" + Pattern.quote(pin));
            p.ok("sync");
            assertThat(Files.readString(p.dir.resolve("scripts/lib/pve-api.sh"))).contains("PVE_PIN=" + pin + "\n");

            Files.delete(p.dir.resolve(".proxmox/pve-root-ca.pem")); // only the pin is left to trust the server by
            ProcessBuilder pb = new ProcessBuilder("sh", "scripts/monitoring.sh").directory(p.dir.toFile()).redirectErrorStream(true);
            pb.environment().put("PROXMOX_TOKEN_ID", sim.tokenId());
            pb.environment().put("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret());
            Process run = pb.start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor()).as(out).isZero();
            assertThat(out).startsWith("OK - 3/3 nodes online");
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
