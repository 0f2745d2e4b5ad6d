package dev.proxmoxmpc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example third-party plugin, dropped into a project's .proxmox/plugins/, adds a command and a generator. */
class ExamplePluginIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void droppedInPluginContributesACommandAndAGenerator(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("project");
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            Product product = Product.inHome(tmp.resolve("home"));
            Product.Run init = product.init(project, sim);
            assertThat(init.exitCode()).as(init.all()).isZero();

            Path zip = Path.of(System.getProperty("mpc.extra.plugins.dir"), "plugin-example-prometheus-plugin.zip");
            Files.createDirectories(project.resolve(".proxmox/plugins"));
            Files.copy(zip, project.resolve(".proxmox/plugins/plugin-example-prometheus-plugin.zip"));

            Product.Run plugins = product.run(project, "-c", "/plugins");
            assertThat(plugins.exitCode()).as(plugins.all()).isZero();
            assertThat(plugins.stdout()).contains("example-prometheus");

            Product.Run sync = product.run(project, "sync");
            assertThat(sync.exitCode()).as(sync.all()).isZero();
            JsonNode written = JSON.readTree(project.resolve("monitoring/prometheus/targets.json").toFile());
            assertThat(written.isArray()).isTrue();
            assertThat(written.size()).as("the demo's guests with a static address are scrape targets").isPositive();
            assertThat(written.toString()).contains("10.0.0.101:9100").contains("web-01");

            Product.Run targets = product.run(project, "prometheus", "targets", "--json");
            assertThat(targets.exitCode()).as(targets.all()).isZero();
            JsonNode listed = JSON.readTree(targets.stdout());
            assertThat(listed.size()).isEqualTo(written.size());

            Product.Run export = product.run(project, "export", "prometheus-export", "--format", "prometheus");
            assertThat(export.exitCode()).as(export.all()).isZero();
            assertThat(project.resolve("prometheus-export/prometheus.yml")).content().contains("file_sd_configs");
            assertThat(project.resolve("prometheus-export/targets.json")).content().contains("10.0.0.101:9100", "\"environment\" : \"default\"");
            Product.Run unknown = product.run(project, "export", "x", "--format", "promethues");
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.stderr()).contains("did you mean prometheus?");
        }
    }

    /** The SPI, picocli and PF4J come from the kernel: a copy in a plugin would shadow them and break casts. */
    @Test
    void noPluginBundlesTheSpiPicocliOrPf4j() throws Exception {
        Map<String, List<String>> libs = new TreeMap<>();
        try (Stream<Path> installed = Files.list(Product.distDir().resolve("plugins"))) {
            for (Path plugin : installed.filter(Files::isDirectory).toList()) {
                try (Stream<Path> jars = Files.list(plugin.resolve("lib"))) {
                    libs.put(plugin.getFileName().toString(), jars.map(j -> j.getFileName().toString()).toList());
                }
            }
        }
        Path example = Path.of(System.getProperty("mpc.extra.plugins.dir"), "plugin-example-prometheus-plugin.zip");
        try (ZipFile z = new ZipFile(example.toFile())) {
            libs.put(example.getFileName().toString(), z.stream().map(ZipEntry::getName).filter(n -> n.startsWith("lib/")).toList());
        }
        assertThat(libs).hasSizeGreaterThan(3);
        libs.forEach((plugin, jars) -> assertThat(jars).as(plugin).isNotEmpty()
                .noneMatch(n -> n.contains("proxmox-mpc-spi") || n.contains("picocli") || n.contains("pf4j")));
    }
}
