package dev.proxmoxmpc.plugin.monitoring.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every metric prometheus-pve-exporter 3.x exports (its README and golden test output), plus Prometheus' up. */
    private static final Set<String> EXPORTED = Set.of("up", "pve_up", "pve_disk_size_bytes", "pve_disk_usage_bytes",
            "pve_memory_size_bytes", "pve_memory_usage_bytes", "pve_network_transmit_bytes_total",
            "pve_network_receive_bytes_total", "pve_disk_written_bytes_total", "pve_disk_read_bytes_total",
            "pve_cpu_usage_ratio", "pve_cpu_usage_limit", "pve_uptime_seconds", "pve_storage_shared", "pve_ha_state",
            "pve_lock_state", "pve_guest_info", "pve_storage_info", "pve_node_info", "pve_cluster_info",
            "pve_version_info", "pve_not_backed_up_total", "pve_not_backed_up_info", "pve_onboot_status",
            "pve_replication_failed_syncs", "pve_subscription_info");
    private static final Pattern METRIC = Pattern.compile("\\b((?:pve_|up\\b)[a-z_]*)(?=\\s*[{\\[)]|\\s*[=!<>/*]|\\s*$|\\s+and\\b)");

    @TempDir
    Path tmp;

    private static Inventory inventory() {
        List<Guest> guests = List.of(
                new VirtualMachine(100, "pve1", "production", PowerState.RUNNING, Map.of("name", "web-01",
                        "ipconfig0", "ip=10.0.0.101/24,gw=10.0.0.1", "tags", "node-exporter;prod"), GuestRuntime.NONE),
                new VirtualMachine(108, "pve3", "", PowerState.RUNNING, Map.of("name", "ci-runner-01",
                        "ipconfig0", "ip=dhcp", "tags", "node-exporter"), GuestRuntime.NONE),
                new Container(200, "pve1", "", PowerState.RUNNING, Map.of("hostname", "dns-01",
                        "net0", "name=eth0,bridge=vmbr0,ip=10.0.0.53/24", "tags", "dns"), GuestRuntime.NONE));
        List<Node> nodes = List.of(new Node("pve2", "online", 32, 1L << 37, 1L << 36, 100, ""),
                new Node("pve1", "online", 32, 1L << 37, 1L << 36, 100, ""));
        return new Inventory("demo", nodes, guests, List.of(), List.of(), List.of());
    }

    private static GenerationResult generate(Map<String, Object> options) {
        return new MonitoringGenerator().generate(new GenerationRequest(inventory(), "default", "https://pve.example.com:8006",
                options, new ClasspathTemplates()));
    }

    private Path write(GenerationResult r) throws Exception {
        for (GeneratedFile f : r.files()) {
            Path p = tmp.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
        }
        return tmp.resolve("monitoring/prometheus");
    }

    private static String file(GenerationResult r, String path) {
        return r.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    @Test
    void writesTheFourFilesTheSameEachTime() {
        GenerationResult r = generate(Map.of());
        assertThat(r.files()).extracting(GeneratedFile::path).containsExactly(PrometheusConfig.PATH, AlertRules.PATH,
                MonitoringGenerator.TARGETS, "monitoring/grafana/proxmox-demo.json");
        assertThat(generate(Map.of()).files()).isEqualTo(r.files());
    }

    @Test
    void promtoolAcceptsTheScrapeConfigAndTheRules() throws Exception {
        Path dir = write(generate(Map.of("health", Map.of("storage_warn_percent", 75))));
        Promtool.Result config = Promtool.run(dir, "check", "config", "prometheus.yml");
        assertThat(config.exitCode()).as(config.output()).isZero();
        assertThat(config.output()).contains("SUCCESS");
        Promtool.Result rules = Promtool.run(dir, "check", "rules", "rules/proxmox.rules.yml");
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS: 13 rules found");
    }

    @Test
    void promtoolRefusesABrokenRuleSoTheCheckCanFail() throws Exception {
        Path dir = write(generate(Map.of()));
        Path rules = dir.resolve("rules/proxmox.rules.yml");
        Files.writeString(rules, Files.readString(rules).replace("pve_up{id=~\"node/.+\"} == 0", "pve_up{id=~\"node/.+\" == 0"));
        assertThat(Promtool.run(dir, "check", "rules", "rules/proxmox.rules.yml").exitCode()).isNotZero();
    }

    @Test
    void scrapesTheExporterForTheClusterAndEachNodeAndTaggedGuestsNodeExporters() throws Exception {
        GenerationResult r = generate(Map.of("exporter", "10.0.0.5:9221"));
        String config = file(r, PrometheusConfig.PATH);
        assertThat(config).contains("  - job_name: pve-cluster\n", "          - 'pve.example.com'\n",
                "      cluster: ['1']\n      node: ['0']\n", "        replacement: '10.0.0.5:9221'\n",
                "  - job_name: pve-nodes\n", "          - 'pve1'\n          - 'pve2'\n");
        JsonNode targets = JSON.readTree(file(r, MonitoringGenerator.TARGETS));
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).get("targets").get(0).asText()).isEqualTo("10.0.0.101:9100");
        assertThat(targets.get(0).get("labels").get("proxmox_vmid").asText()).isEqualTo("100");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo("vm/108"));
    }

    @Test
    void alertRulesUseOnlyMetricsTheExporterExports() {
        Set<String> used = new HashSet<>();
        for (AlertRules.Rule rule : AlertRules.rules(0.8, 0.9)) {
            Matcher m = METRIC.matcher(rule.expr());
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).contains("pve_up", "pve_disk_usage_bytes", "pve_disk_size_bytes", "pve_not_backed_up_total",
                "pve_cluster_info").isSubsetOf(EXPORTED);
    }

    @Test
    void theDashboardHasTheShapeGrafanaLoads() throws Exception {
        JsonNode d = JSON.readTree(file(generate(Map.of()), "monitoring/grafana/proxmox-demo.json"));
        for (String key : List.of("title", "uid", "schemaVersion", "panels", "templating", "time", "version")) {
            assertThat(d.has(key)).as(key).isTrue();
        }
        assertThat(d.get("schemaVersion").asInt()).isEqualTo(GrafanaDashboard.SCHEMA_VERSION);
        assertThat(d.get("uid").asText()).hasSizeLessThanOrEqualTo(40).isEqualTo("pve-demo");
        assertThat(d.get("templating").get("list").get(0).get("type").asText()).isEqualTo("datasource");
        Set<Integer> ids = new HashSet<>();
        boolean[][] grid = new boolean[64][24];
        for (JsonNode p : d.get("panels")) {
            assertThat(ids.add(p.get("id").asInt())).as("unique panel id").isTrue();
            assertThat(p.get("type").asText()).isIn("stat", "timeseries", "bargauge");
            assertThat(p.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
            JsonNode pos = p.get("gridPos");
            int x = pos.get("x").asInt();
            int y = pos.get("y").asInt();
            int w = pos.get("w").asInt();
            int h = pos.get("h").asInt();
            assertThat(x + w).as("inside the 24-column grid").isLessThanOrEqualTo(24);
            for (int row = y; row < y + h; row++) {
                for (int col = x; col < x + w; col++) {
                    assertThat(grid[row][col]).as("panel " + p.get("title") + " overlaps another").isFalse();
                    grid[row][col] = true;
                }
            }
            Set<String> refs = new HashSet<>();
            for (JsonNode t : p.get("targets")) {
                assertThat(refs.add(t.get("refId").asText())).isTrue();
                assertThat(t.get("expr").asText()).isNotBlank();
            }
        }
        assertThat(ids).hasSize(10);
    }

    @Test
    void promtoolParsesEveryDashboardQuery() throws Exception {
        JsonNode d = JSON.readTree(file(generate(Map.of()), "monitoring/grafana/proxmox-demo.json"));
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (JsonNode p : d.get("panels")) {
            for (JsonNode t : p.get("targets")) {
                rules.append("      - record: dashboard:q").append(n++).append('\n')
                        .append("        expr: ").append(Yaml.quote(t.get("expr").asText())).append('\n');
            }
        }
        Files.writeString(tmp.resolve("dashboard.rules.yml"), rules);
        Promtool.Result r = Promtool.run(tmp, "check", "rules", "dashboard.rules.yml");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
