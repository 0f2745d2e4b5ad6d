package dev.proxmoxmpc.plugin.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * Writes {@code monitoring/prometheus/targets.json} in Prometheus' file_sd format: one entry per guest with an
 * address, labelled with node, VMID, kind and tags. Option {@code port} (default 9100, node_exporter).
 */
@Extension
public class PrometheusTargetsGenerator implements Generator {
    static final String PATH = "monitoring/prometheus/targets.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Override
    public String id() {
        return "prometheus";
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        int port = port(request.options().getOrDefault("port", 9100));
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ScrapeTarget t : targets(request.desired(), port, diagnostics)) {
            entries.add(Map.of("targets", List.of(t.address()), "labels", new TreeMap<>(t.labels())));
        }
        try {
            return new GenerationResult(List.of(new GeneratedFile(PATH, JSON.writeValueAsString(entries) + "\n")), diagnostics);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the targets of the running or to-be-running guests, by VMID; a diagnostic per guest without address. */
    static List<ScrapeTarget> targets(Inventory inventory, int port, List<Diagnostic> diagnostics) {
        List<ScrapeTarget> out = new ArrayList<>();
        for (Guest g : inventory.guests()) {
            if (g.template()) {
                continue;
            }
            ScrapeTarget.of(g, port).ifPresentOrElse(out::add, () -> diagnostics.add(Diagnostic.info(
                    "no address known (no guest agent IP, no static IP): not a Prometheus target", "vm/" + g.vmid())));
        }
        return out;
    }

    private static int port(Object value) {
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("generators.prometheus.port must be a number, got '" + value + "'");
        }
    }
}
