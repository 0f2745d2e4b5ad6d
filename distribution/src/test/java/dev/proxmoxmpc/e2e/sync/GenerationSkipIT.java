package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A /sync of an unchanged cluster skips generating (the guests' uptimes move between the two reads), and whatever the
 * files depend on still makes the next /sync generate: a template override, a deleted or hand-edited file.
 */
class GenerationSkipIT {
    private static final Pattern GENERATED = Pattern.compile("Generated: (\\d+) written, (\\d+) unchanged");

    /** @return {written, unchanged} as the run reported them */
    private static int[] generated(Product.Run run) {
        Matcher m = GENERATED.matcher(run.stdout());
        assertThat(m.find()).as(run.all()).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void anUnchangedClusterRegeneratesNothingAndWhatTheFilesDependOnStillCounts(@TempDir Path tmp) throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            int[] first = generated(p.ok("sync"));
            assertThat(first[0]).isGreaterThan(40);
            int files = first[0] + first[1];
            Path memo = p.dir.resolve(".proxmox/cache/generation.json");
            assertThat(memo).isRegularFile();
            String outputs = Files.readString(p.dir.resolve("terraform/outputs.tf"));

            FileTime generatedAt = Files.getLastModifiedTime(memo);

            Thread.sleep(1100); // the simulator's uptimes move on by a second
            assertThat(generated(p.ok("sync"))).containsExactly(0, files);
            assertThat(Files.getLastModifiedTime(memo)).as("skipped: the memo of the first generation stands").isEqualTo(generatedAt);

            // a template override changes what the Terraform generator writes
            Path override = p.dir.resolve(".proxmox/templates/terraform/outputs.tf.hbs");
            Files.createDirectories(override.getParent());
            Files.writeString(override, "# outputs of this project\n"
                    + Files.readString(Path.of(System.getProperty("mpc.repo.dir")).resolve("templates/terraform/outputs.tf.hbs")));
            assertThat(generated(p.ok("sync"))).containsExactly(1, files - 1);
            assertThat(Files.getLastModifiedTime(memo)).as("generated: a new memo").isNotEqualTo(generatedAt);
            assertThat(p.dir.resolve("terraform/outputs.tf")).content().startsWith("# outputs of this project\n")
                    .isNotEqualTo(outputs);
            assertThat(generated(p.ok("sync"))).containsExactly(0, files);

            // a generated file deleted, and one edited by hand with no importer, are written again
            Files.delete(p.dir.resolve("docs/architecture.md"));
            Files.writeString(p.dir.resolve("scripts/backup.sh"), "#!/bin/sh\necho edited\n");
            Product.Run repaired = p.ok("sync");
            assertThat(generated(repaired)).containsExactly(2, files - 2);
            assertThat(p.dir.resolve("docs/architecture.md")).isRegularFile();
            assertThat(p.dir.resolve("scripts/backup.sh")).content().doesNotContain("echo edited");
            assertThat(generated(p.ok("sync"))).containsExactly(0, files);

            // a lost memo only means generating once more
            Files.delete(memo);
            assertThat(generated(p.ok("sync"))).containsExactly(0, files);
            assertThat(memo).isRegularFile();
        }
    }
}
