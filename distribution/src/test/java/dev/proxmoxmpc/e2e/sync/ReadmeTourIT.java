package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command of the README's short tour works, in the order written, on a project of the demo cluster. */
class ReadmeTourIT {
    private static final String PROMPT = "proxmox-mpc> ";

    /** @return the tour's commands: each {@code proxmox-mpc> } line up to the comment after two spaces. */
    static List<String> tour() throws IOException {
        Path readme = Path.of(System.getProperty("mpc.testdata.dir", "../testdata")).resolve("../README.md").normalize();
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf("## A short tour");
        assertThat(start).as("README has '## A short tour'").isPositive();
        List<String> commands = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("## ") && !commands.isEmpty()) {
                break;
            }
            if (line.startsWith(PROMPT)) {
                commands.add(line.substring(PROMPT.length()).split(" {2,}")[0].strip());
            }
        }
        return commands;
    }

    @Test
    void theToursCommandsWorkOnTheDemo(@TempDir Path tmp) throws Exception {
        List<String> tour = tour();
        assertThat(tour).hasSizeGreaterThanOrEqualTo(5).anyMatch(c -> c.startsWith("create vm"));
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            SyncProject p = SyncProject.init(tmp, sim);
            p.ok("sync");
            for (String command : tour) {
                Product.Run r = p.run("--yes", "-c", command);
                assertThat(r.exitCode()).as("README tour: " + command + "\n" + r.all()).isZero();
            }
        }
    }
}
