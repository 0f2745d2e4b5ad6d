package dev.proxmoxmpc.plugin.prometheus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.iac.Exporter;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * {@code /export DIR --format prometheus}: a ready-to-run Prometheus configuration for the project's guests,
 * {@code prometheus.yml} plus {@code targets.json} (file_sd), labelled with the environment. Option {@code port}
 * (default 9100). The example of an {@link Exporter} a third-party plugin adds.
 */
@Extension
public class PrometheusExporter implements Exporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Override
    public String id() {
        return "prometheus";
    }

    @Override
    public String summary() {
        return "a Prometheus configuration scraping every guest with an address";
    }

    @Override
    public ExportResult export(ExportRequest request) {
        int port = Integer.parseInt(request.options().getOrDefault("port", "9100"));
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ScrapeTarget t : PrometheusTargetsGenerator.targets(request.desired(), port, diagnostics)) {
            Map<String, String> labels = new TreeMap<>(t.labels());
            labels.put("environment", request.environment());
            entries.add(Map.of("targets", List.of(t.address()), "labels", labels));
        }
        String config = """
                # Prometheus configuration exported by proxmox-mpc for environment %s.
                global:
                  scrape_interval: 30s
                scrape_configs:
                  - job_name: proxmox-guests
                    file_sd_configs:
                      - files: [targets.json]
                """.formatted(request.environment());
        try {
            return new ExportResult(List.of(new GeneratedFile("prometheus.yml", config),
                    new GeneratedFile("targets.json", JSON.writeValueAsString(entries) + "\n")), diagnostics);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
