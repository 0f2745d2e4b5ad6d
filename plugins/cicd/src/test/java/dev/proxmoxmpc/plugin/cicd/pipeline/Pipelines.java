package dev.proxmoxmpc.plugin.cicd.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A project with environments {@code default} and {@code production} (pinned), and the pipelines rendered for it. */
final class Pipelines {
    static final String FINGERPRINT = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    static final String SECRET_VALUE = "s3cr3t-token-value-never-written";
    static final List<PipelineExporter> ALL = List.of(new GitHubActionsExporter(), new GitLabCiExporter(),
            new JenkinsExporter(), new AzurePipelinesExporter());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Pipelines() {}

    static ProjectConfig config(Map<String, Object> ci) {
        EnvironmentConfig lab = new EnvironmentConfig("default", "proxmox", "https://lab:8006", "pve1", "root@pam!mpc",
                "", "", "", false);
        EnvironmentConfig prod = new EnvironmentConfig("production", "proxmox", "https://prod.example.com:8006", "pve1",
                "deploy@pve!ci", "", FINGERPRINT, "", false);
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        envs.put("default", lab);
        envs.put("production", prod);
        return new ProjectConfig("default", envs, "prefer-server", 4, ci.isEmpty() ? Map.of() : Map.of("ci", ci));
    }

    static TestKernelContext context(Path root, Map<String, Object> ci) {
        return TestKernelContext.builder().root(root).config(config(ci)).secret("production", SECRET_VALUE)
                .extension(ALL.toArray()).build();
    }

    static ExportResult export(PipelineExporter exporter, TestKernelContext ctx, String environment) {
        return exporter.export(new ExportRequest(Inventory.empty(), environment,
                List.copyOf(ctx.config().environments().values()), Map.of(), Map.of()), ctx);
    }

    static String text(PipelineExporter exporter, TestKernelContext ctx) {
        return export(exporter, ctx, "production").files().get(0).content();
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
