package dev.proxmoxmpc.plugin.cicd.pipeline;

import java.util.List;
import org.pf4j.Extension;

/** GitHub Actions: {@code .github/workflows/proxmox-mpc.yml}; the approval gate is an environment's required reviewers. */
@Extension
public class GitHubActionsExporter extends PipelineExporter {
    public GitHubActionsExporter() {
        super("github", ".github/workflows/proxmox-mpc.yml", "ci/github.yml", "#", "GitHub Actions");
    }

    @Override
    protected List<String> setup(PipelineModel m) {
        return List.of("register a self-hosted runner on the cluster's LAN with the labels " + m.githubRunsOn(),
                "add the repository secret " + m.secretVariable() + " (the API token secret)",
                "create the environment '" + m.ciEnvironment() + "' with required reviewers (the approval gate)");
    }
}
