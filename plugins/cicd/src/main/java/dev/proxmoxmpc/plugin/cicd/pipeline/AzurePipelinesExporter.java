package dev.proxmoxmpc.plugin.cicd.pipeline;

import java.util.List;
import org.pf4j.Extension;

/** Azure Pipelines: {@code azure-pipelines.yml}; the approval gate is a deployment job's environment with approvals. */
@Extension
public class AzurePipelinesExporter extends PipelineExporter {
    public AzurePipelinesExporter() {
        super("azure", "azure-pipelines.yml", "ci/azure-pipelines.yml", "#", "Azure Pipelines");
    }

    @Override
    protected List<String> setup(PipelineModel m) {
        return List.of("add a self-hosted agent on the cluster's LAN to the agent pool '" + m.azurePool() + "'",
                "add the secret pipeline variable " + m.secretVariable() + " (the API token secret)",
                "create the environment '" + m.ciEnvironment() + "' with an Approvals check (the approval gate)");
    }
}
