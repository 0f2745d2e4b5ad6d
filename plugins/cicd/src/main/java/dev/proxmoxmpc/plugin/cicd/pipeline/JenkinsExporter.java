package dev.proxmoxmpc.plugin.cicd.pipeline;

import java.util.List;
import org.pf4j.Extension;

/** Jenkins (declarative, multibranch): {@code Jenkinsfile}; the approval gate is an {@code input} step. */
@Extension
public class JenkinsExporter extends PipelineExporter {
    public JenkinsExporter() {
        super("jenkins", "Jenkinsfile", "ci/Jenkinsfile", "//", "Jenkins");
    }

    @Override
    protected List<String> setup(PipelineModel m) {
        return List.of("run an agent on the cluster's LAN labelled '" + m.jenkinsLabel() + "'",
                "add the secret-text credential '" + m.jenkinsCredential() + "' (the API token secret)",
                "install the Copy Artifact plugin and let this job's change-request builds share artifacts with it");
    }
}
