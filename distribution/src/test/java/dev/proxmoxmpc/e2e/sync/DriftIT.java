package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift: another admin changes a VM on the server while the user edits its generated Terraform file. /sync
 * reports both, merges what does not conflict and flags what does.
 */
class DriftIT {

    @Test
    void serverDriftAndAHandEditedTerraformFileMergeAndConflict(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SimulatorApi api = new SimulatorApi(sim);
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");

            api.task("POST", "/nodes/pve1/qemu/100/config", Map.of("memory", "8192", "cores", "4"));
            Path tf = fileMentioning(p.dir.resolve("terraform"), "\"web-01\"");
            String hcl = Files.readString(tf);
            assertThat(hcl).containsPattern("cores\\s*=\\s*2").containsPattern("sockets\\s*=\\s*1");
            Files.writeString(tf, hcl.replaceFirst("cores(\\s*)=(\\s*)2", "cores$1=$26").replaceFirst("sockets(\\s*)=(\\s*)1", "sockets$1=$22"));

            Product.Run sync = p.ok("sync");
            String out = sync.all();
            assertThat(out).contains("Imported hand edits: terraform: " + p.dir.relativize(tf).toString().replace('\\', '/'));
            assertThat(out).contains("vm/100 web-01: cores 2 -> 4, memory 4096 -> 8192, changed", "by " + sim.tokenId(), "(qmconfig)");
            assertThat(out).contains("Conflicts: 1", "vm/100 web-01 cores: local 6, server 4 (base 2) -> kept server");
            assertThat(out).contains("Pending changes: 1");

            Product.Run diff = p.ok("diff", "web-01");
            assertThat(diff.stdout()).contains("sockets: 1 -> 2").doesNotContain("memory").doesNotContain("cores");
            assertThat(Files.readString(tf)).containsPattern("cores\\s*=\\s*4").containsPattern("sockets\\s*=\\s*2");
        }
    }

    private static Path fileMentioning(Path dir, String text) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> hits = files.filter(f -> f.toString().endsWith(".tf")).filter(f -> {
                try {
                    return Files.readString(f).contains(text);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(hits).as("generated .tf files mentioning " + text).hasSize(1);
            return hits.get(0);
        }
    }
}
