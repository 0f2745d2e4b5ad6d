package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files proxmox-mpc writes carry the whole desired state: imported into a fresh project on the same server,
 * the next /sync meets no conflict, plans nothing and writes the very same files.
 */
class LosslessImportIT {

    @Test
    void reImportingTheGeneratedFilesIntoAFreshProjectLosesNothing(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject source = SyncProject.init(tmp.resolve("source"), sim);
            source.ok("sync");
            SyncProject fresh = SyncProject.init(tmp.resolve("fresh"), sim);

            Product.Run tf = fresh.ok("import", source.dir.resolve("terraform").toString());
            Product.Run ansible = fresh.ok("import", source.dir.resolve("ansible").toString());
            assertThat(tf.stdout() + ansible.stdout()).as("what is not mapped is named with its file")
                    .doesNotContainPattern("warning: (?!terraform/\\S+\\.tf|ansible/\\S+:\\d+)");
            assertThat(tf.stdout()).as("bridges, VLANs and pools are read from networks.tf and pools.tf")
                    .doesNotContain("not imported");
            Product.Run sync = fresh.ok("sync");

            assertThat(sync.stdout()).contains("Conflicts: None", "Drift: None", "Pending changes: none");
            Product.Run plan = fresh.run("--detailed-exitcode", "plan");
            assertThat(plan.exitCode()).as(plan.all()).isZero();
            assertThat(files(fresh.dir.resolve("terraform"))).isEqualTo(files(source.dir.resolve("terraform")));
            assertThat(files(fresh.dir.resolve("ansible"))).isEqualTo(files(source.dir.resolve("ansible")));
        }
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }
}
