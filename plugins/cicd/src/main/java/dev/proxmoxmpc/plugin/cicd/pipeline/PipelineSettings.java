package dev.proxmoxmpc.plugin.cicd.pipeline;

import dev.proxmoxmpc.spi.command.CommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pipelines' settings from config.yml ({@code generators.ci}), checked so every value can be written into YAML,
 * Groovy and shell as it is (no quoting needed, nothing to inject):
 * <pre>
 * generators:
 *   ci:
 *     runner_labels: [proxmox]        # the self-hosted runner's labels (GitHub, GitLab tags, Jenkins label)
 *     main_branch: main
 *     command: proxmox-mpc            # how the runner calls proxmox-mpc
 *     environment: production         # the CI's deployment environment (default: the project environment's name)
 *     plan_filter: .plan.items        # the part of /show --json whose hash must match the reviewed plan's
 *     jenkins_credential: proxmox-mpc-production-secret
 *     azure_pool: proxmox
 * </pre>
 *
 * @param runnerLabels      labels of the self-hosted runner or agent, at least one
 * @param mainBranch        the branch that deploys
 * @param command           the proxmox-mpc command on the runner
 * @param ciEnvironment     the CI's deployment environment carrying the approval, or {@code ""} for the project's
 * @param planFilter        a jq path selecting what the reviewed and the merged plan must agree on
 * @param jenkinsCredential the Jenkins credential id of the token secret, or {@code ""} for the default
 * @param azurePool         the Azure DevOps agent pool, or {@code ""} for the first runner label
 */
public record PipelineSettings(List<String> runnerLabels, String mainBranch, String command, String ciEnvironment,
                               String planFilter, String jenkinsCredential, String azurePool) {
    /** The config.yml section: {@code generators.ci}. */
    public static final String SECTION = "ci";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern COMMAND = Pattern.compile("[A-Za-z0-9_./~-]+");
    private static final Pattern FILTER = Pattern.compile("\\.[A-Za-z0-9_.\\[\\]]*");

    public PipelineSettings {
        runnerLabels = List.copyOf(runnerLabels);
        if (runnerLabels.isEmpty()) {
            throw invalid("runner_labels", "needs at least one label");
        }
        runnerLabels.forEach(l -> check("runner_labels", l, LABEL, false));
        check("main_branch", mainBranch, BRANCH, false);
        check("command", command, COMMAND, false);
        check("environment", ciEnvironment, LABEL, true);
        check("plan_filter", planFilter, FILTER, false);
        check("jenkins_credential", jenkinsCredential, LABEL, true);
        check("azure_pool", azurePool, LABEL, true);
    }

    /** @return the defaults: runner label {@code proxmox}, branch {@code main}, command {@code proxmox-mpc} */
    public static PipelineSettings defaults() {
        return new PipelineSettings(List.of("proxmox"), "main", "proxmox-mpc", "", ".plan.items", "", "");
    }

    /**
     * @param options {@code generators.ci} from config.yml, as the kernel read it
     * @return the settings, defaults for what is missing
     * @throws CommandException naming the key, for a value of the wrong shape
     */
    public static PipelineSettings of(Map<String, Object> options) {
        PipelineSettings d = defaults();
        return new PipelineSettings(labels(options.get("runner_labels"), d.runnerLabels()),
                text(options, "main_branch", d.mainBranch()), text(options, "command", d.command()),
                text(options, "environment", d.ciEnvironment()), text(options, "plan_filter", d.planFilter()),
                text(options, "jenkins_credential", d.jenkinsCredential()), text(options, "azure_pool", d.azurePool()));
    }

    private static List<String> labels(Object value, List<String> fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof String s) {
            return List.of(s.split("\\s*,\\s*"));
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("runner_labels", "must be a list of labels ([proxmox, lan])");
        }
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    private static String text(Map<String, Object> options, String key, String fallback) {
        Object v = options.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw invalid(key, "must be a single value");
        }
        return String.valueOf(v);
    }

    private static void check(String key, String value, Pattern shape, boolean mayBeEmpty) {
        if (value == null || (value.isEmpty() ? !mayBeEmpty : !shape.matcher(value).matches())) {
            throw invalid(key, "has an unusable value '" + value + "' (letters, digits and . _ - only"
                    + (key.equals("plan_filter") ? "; a jq path such as .plan.items" : "") + ")");
        }
    }

    private static CommandException invalid(String key, String why) {
        return new CommandException(".proxmox/config.yml: generators." + SECTION + "." + key + " " + why);
    }
}
