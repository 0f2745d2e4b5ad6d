package dev.proxmoxmpc.plugin.monitoring.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proxmoxmpc.plugin.monitoring.health.HealthLimits;
import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.model.Guest;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * Writes {@code monitoring/}: Prometheus' scrape config and alerting rules, node_exporter targets, and a Grafana
 * dashboard of the cluster. Options ({@code generators.monitoring}): {@code exporter} (where prometheus-pve-exporter
 * listens, default {@code localhost:9221}), {@code exporter_module} ({@code default}), {@code node_exporter_tag}
 * (guests with this tag run node_exporter, default {@code node-exporter}), {@code node_exporter_port} (9100), and the
 * storage thresholds of {@code health}.
 */
@Extension
public class MonitoringGenerator implements Generator {
    static final String TARGETS = "monitoring/prometheus/targets/node-exporter.json";

    /** Made on first use: the extension is instantiated at every start (even for /help), Jackson only when generating. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @Override
    public String id() {
        return Settings.SECTION;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        Settings s = new Settings(request.options());
        HealthLimits limits = HealthLimits.from(s.section("health"));
        List<Diagnostic> diagnostics = new ArrayList<>();
        String cluster = request.desired().cluster().isEmpty() ? request.environment() : request.desired().cluster();
        List<GeneratedFile> files = new ArrayList<>();
        files.add(new GeneratedFile(PrometheusConfig.PATH, PrometheusConfig.render(request.desired(), request.environment(),
                request.endpoint(), s.text("exporter", "localhost:9221"), s.text("exporter_module", "default"))));
        files.add(new GeneratedFile(AlertRules.PATH, AlertRules.render(limits.storageWarn(), limits.storageCritical())));
        files.add(new GeneratedFile(TARGETS, json(targets(request, s, diagnostics))));
        files.add(new GeneratedFile(GrafanaDashboard.path(cluster), json(GrafanaDashboard.model(cluster, request.environment()))));
        return new GenerationResult(files, diagnostics);
    }

    /** @return file_sd entries for the guests tagged to run node_exporter, by VMID */
    static List<Map<String, Object>> targets(GenerationRequest request, Settings s, List<Diagnostic> diagnostics) {
        String tag = s.text("node_exporter_tag", "node-exporter");
        int port = (int) s.number("node_exporter_port", 9100);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Guest g : request.desired().guests()) {
            if (g.template() || !g.tags().contains(tag)) {
                continue;
            }
            Optional<String> ip = GuestAddress.of(g);
            if (ip.isEmpty()) {
                diagnostics.add(Diagnostic.warning("tagged " + tag + " but no address is known (no guest agent IP, no static IP):"
                        + " not a node_exporter target", "vm/" + g.vmid()));
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            labels.put("name", g.name());
            labels.put("proxmox_node", g.node());
            labels.put("proxmox_vmid", Integer.toString(g.vmid()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("targets", List.of(ip.get() + ":" + port));
            entry.put("labels", labels);
            out.add(entry);
        }
        return out;
    }

    private static String json(Object value) {
        try {
            return Mapper.JSON.writeValueAsString(value).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
