package dev.proxmoxmpc.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.generate.FileGeneration;
import dev.proxmoxmpc.kernel.generate.GenerationInputs;
import dev.proxmoxmpc.kernel.template.HandlebarsTemplates;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel runs the generators at the same time: every bundled generator, run on several threads with one shared
 * template engine, gives byte for byte the files, the hashes and the report that running them one after another
 * gives.
 */
class ParallelGenerationTest {
    @TempDir
    Path dir;

    record Run(GenerationReport report, Map<String, String> hashes, Map<String, byte[]> files) {}

    @Test
    void theBundledGeneratorsRunInParallelGiveWhatTheyGiveOneAfterAnother() throws Exception {
        List<Generator> generators = bundledGenerators();
        generators.sort(Comparator.comparing(Generator::id));
        assertThat(generators).extracting(Generator::id)
                .contains("terraform", "ansible", "docs", "testing", "monitoring");
        Inventory inventory = inventory();

        Run sequential = run(generators, inventory, "sequential", 1);
        assertThat(sequential.report().diagnostics()).as("no generator fails on this inventory")
                .noneMatch(d -> d.summary().contains("failed"));
        assertThat(sequential.files()).hasSizeGreaterThan(300);
        for (int i = 0; i < 3; i++) {
            Run parallel = run(generators, inventory, "parallel-" + i, generators.size());
            assertThat(parallel.report()).isEqualTo(sequential.report());
            assertThat(parallel.hashes()).isEqualTo(sequential.hashes());
            assertThat(parallel.files().keySet()).isEqualTo(sequential.files().keySet());
            sequential.files().forEach((path, bytes) ->
                    assertThat(parallel.files().get(path)).as(path).isEqualTo(bytes));
        }
    }

    @Test
    void noBundledGeneratorWritesAnUptimeSoTheKernelCanLeaveThemOut() throws Exception {
        List<Generator> generators = bundledGenerators();
        Inventory base = inventory();
        Inventory running = new Inventory(base.cluster(),
                base.nodes().stream().map(n -> new Node(n.name(), n.status(), n.maxCpu(), n.maxMemory(), n.maxDisk(),
                        86_400 + n.name().length(), n.level())).toList(),
                base.guests().stream().map(g -> g.withRuntime(new GuestRuntime(g.runtime().lock(), g.runtime().haState(),
                        1_000L * g.vmid() + 17, g.runtime().ipAddresses(), g.runtime().digest()))).toList(),
                base.storages(), base.networks(), base.pools(), base.objects());
        assertThat(GenerationInputs.withoutUptime(running)).isNotEqualTo(running);
        Run with = run(generators, running, "with-uptimes", 1);
        Run without = run(generators, GenerationInputs.withoutUptime(running), "without-uptimes", 1);
        assertThat(with.hashes()).hasSizeGreaterThan(300).isEqualTo(without.hashes());
    }

    private static List<Generator> bundledGenerators() throws Exception {
        List<Generator> generators = new ArrayList<>();
        for (Object e : BundledCommands.extensions()) {
            if (e instanceof Generator g) {
                generators.add(g);
            }
        }
        return generators;
    }

    /** Many guests of every kind, with the sample cluster's storages, networks, pools and cluster objects. */
    private static Inventory inventory() {
        Inventory many = SampleInventories.many(400);
        Inventory cluster = SampleInventories.cluster();
        return new Inventory("lab", many.nodes(), many.guests(), cluster.storages(), cluster.networks(), many.pools(),
                cluster.objects());
    }

    private Run run(List<Generator> generators, Inventory inventory, String name, int threads) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        InMemoryStateStore state = new InMemoryStateStore();
        TemplateRenderer templates = new HandlebarsTemplates(root.resolve(".proxmox/templates"));
        GenerationReport report = new FileGeneration(new Workspace(root), state, threads).run(generators,
                id -> new GenerationRequest(inventory, "default", "https://pve.example:8006", Map.of(), templates,
                        inventory, Map.of()));
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith(".proxmox/")) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return new Run(report, state.fileHashes(), files);
    }
}
