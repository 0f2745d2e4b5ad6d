package dev.proxmoxmpc.plugin.cicd.pipeline;

import java.util.List;
import org.pf4j.Extension;

/** GitLab CI/CD: {@code .gitlab-ci.yml}; the approval gate is a manual job deploying to a protected environment. */
@Extension
public class GitLabCiExporter extends PipelineExporter {
    public GitLabCiExporter() {
        super("gitlab", ".gitlab-ci.yml", "ci/gitlab.yml", "#", "GitLab CI/CD");
    }

    @Override
    protected List<String> setup(PipelineModel m) {
        return List.of("register a runner on the cluster's LAN with the tags " + m.gitlabTags(),
                "add the masked CI/CD variable " + m.secretVariable() + " (the API token secret; merge-request pipelines need it too)",
                "add the masked variable PROXMOX_MPC_GITLAB_TOKEN (a project access token, scope api) for the plan notes",
                "protect the environment '" + m.ciEnvironment() + "' with required approvals, and the branch " + m.mainBranch());
    }
}
