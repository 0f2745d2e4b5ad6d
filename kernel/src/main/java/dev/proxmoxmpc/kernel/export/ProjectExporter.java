package dev.proxmoxmpc.kernel.export;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.iac.Exporter;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel's exporter ({@code project}): a self-contained project others can deploy. The generated Terraform
 * (without its {@code import} blocks, which name the source cluster's objects) and Ansible, a tfvars file per
 * environment, {@code .proxmox/config.yml} with every environment and no secret, the desired state in its portable
 * form ({@code .proxmox/desired-state.json}), a {@code .gitignore}, a README and deployment scripts. Never the
 * state database, the observed state or the history. Pure: the config text and the portable state are handed in.
 */
final class ProjectExporter implements Exporter {
    static final String ID = "project";
    private static final List<String> LEFT_OUT = List.of("terraform/imports.tf");
    private final String configYaml;
    private final String portableState;
    private final String portableStatePath;

    ProjectExporter(String configYaml, String portableStatePath, String portableState) {
        this.configYaml = configYaml;
        this.portableStatePath = portableStatePath;
        this.portableState = portableState;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "a self-contained project: Terraform, Ansible, config (no secrets), desired state, README, scripts";
    }

    @Override
    public ExportResult export(ExportRequest request) {
        Map<String, String> files = new TreeMap<>();
        List<Diagnostic> diags = new ArrayList<>();
        request.generated().forEach((path, content) -> {
            if (!LEFT_OUT.contains(path)) {
                files.put(path, content);
            }
        });
        diags.add(Diagnostic.info("terraform/imports.tf left out: its import blocks name the source cluster's objects",
                "export"));
        files.put(".proxmox/config.yml", configYaml);
        files.put(portableStatePath, portableState);
        files.put(".gitignore", ProjectTexts.gitignore());
        files.put("README.md", ProjectTexts.readme(request));
        files.put("scripts/deploy.sh", ProjectTexts.deployScript(request.environment()));
        files.put("scripts/terraform-apply.sh", ProjectTexts.terraformScript(request.environment()));
        files.put("scripts/ansible-provision.sh", ProjectTexts.ansibleScript());
        for (EnvironmentConfig env : request.environments()) {
            String tfvars = "terraform/environments/" + env.name() + ".tfvars";
            if (!files.containsKey(tfvars)) {
                diags.add(Diagnostic.warning("no " + tfvars + ": the Terraform generator is not installed", "export"));
            }
        }
        return new ExportResult(files.entrySet().stream().map(e -> new GeneratedFile(e.getKey(), e.getValue())).toList(),
                diags);
    }
}
