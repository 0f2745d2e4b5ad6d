package dev.proxmoxmpc.plugin.cicd.pipeline;

import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a pipeline template is rendered from. Every value is checked to be safe in YAML, Groovy and shell as it is
 * (see {@link PipelineSettings}); the runner labels come pre-joined in each CI's own spelling.
 *
 * @param environment       the project environment deployed ({@code production})
 * @param endpoint          its API URL, for the comments
 * @param tls               how its certificate is verified, for the comments ({@code pinned fingerprint AA:BB:...})
 * @param secretVariable    the environment variable proxmox-mpc reads the token secret from
 * @param ciEnvironment     the CI's deployment environment that carries the approval
 * @param mainBranch        the branch that deploys
 * @param command           the proxmox-mpc command on the runner
 * @param planFilter        the jq path of /show --json that reviewed and merged plan must agree on
 * @param jenkinsCredential the Jenkins credential id holding the token secret
 * @param azurePool         the Azure DevOps agent pool
 * @param githubRunsOn      {@code [self-hosted, proxmox]}
 * @param gitlabTags        {@code [proxmox]}
 * @param jenkinsLabel      {@code proxmox && lan}
 * @param githubSecret      the GitHub expression reading the secret from the repository's secrets
 *                          ({@code ${{ secrets.PROXMOX_MPC_PRODUCTION_SECRET }}}; Handlebars cannot nest it in a template)
 */
public record PipelineModel(String environment, String endpoint, String tls, String secretVariable, String ciEnvironment,
                            String mainBranch, String command, String planFilter, String jenkinsCredential,
                            String azurePool, String githubRunsOn, String gitlabTags, String jenkinsLabel,
                            String githubSecret) {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMMENT_SAFE = Pattern.compile("[^\\r\\n]*");

    public PipelineModel {
        require(SAFE_NAME, environment, "environment name");
        require(VARIABLE, secretVariable, "secret variable");
        require(COMMENT_SAFE, endpoint, "endpoint");
        require(COMMENT_SAFE, tls, "TLS description");
    }

    /**
     * @param env            the environment deployed
     * @param secretVariable the variable its token secret is read from ({@code PROXMOX_MPC_PRODUCTION_SECRET})
     * @param s              the settings from config.yml
     */
    public static PipelineModel of(EnvironmentConfig env, String secretVariable, PipelineSettings s) {
        List<String> labels = s.runnerLabels();
        List<String> github = labels.contains("self-hosted") ? labels
                : Stream.concat(Stream.of("self-hosted"), labels.stream()).toList();
        return new PipelineModel(env.name(), env.endpoint(), tls(env), secretVariable,
                s.ciEnvironment().isEmpty() ? env.name() : s.ciEnvironment(), s.mainBranch(), s.command(), s.planFilter(),
                s.jenkinsCredential().isEmpty() ? "proxmox-mpc-" + env.name().toLowerCase(Locale.ROOT) + "-secret"
                        : s.jenkinsCredential(),
                s.azurePool().isEmpty() ? labels.get(0) : s.azurePool(),
                "[" + String.join(", ", github) + "]", "[" + String.join(", ", labels) + "]", String.join(" && ", labels),
                "${{ secrets." + secretVariable + " }}");
    }

    private static String tls(EnvironmentConfig env) {
        if (!env.fingerprint().isEmpty()) {
            return "pinned certificate fingerprint " + env.fingerprint();
        }
        if (!env.caFile().isEmpty()) {
            return "the CA bundle " + env.caFile();
        }
        return env.insecure() ? "NOT verified (tls.insecure: true; pin a fingerprint instead)" : "the system CAs";
    }

    private static void require(Pattern shape, String value, String what) {
        if (!shape.matcher(value).matches()) {
            throw new IllegalArgumentException("a pipeline cannot carry this " + what + ": '" + value + "'");
        }
    }
}
