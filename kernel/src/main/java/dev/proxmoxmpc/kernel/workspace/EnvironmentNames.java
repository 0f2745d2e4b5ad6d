package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;

/** What the {@code environment} commands share: checking a name, finding an environment, completing names. */
final class EnvironmentNames {
    private EnvironmentNames() {}

    /** Tab: the project's environments. */
    static final class Known implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return new ArrayList<>(ctx.config().environments().keySet());
        }
    }

    /** @return {@code name}, checked to be safe in a file name and config key (pure) */
    static String safeName(String name) {
        if (name == null) {
            throw new UsageException("missing the environment name");
        }
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("unsafe name '" + name + "': use letters, digits, '.', '_' and '-' (no '/' or '..')");
        }
        return name;
    }

    /** @return the environment {@code name} of {@code doc}, or a one-line error naming the closest */
    static ConfigDocument.EnvironmentDocument existing(ConfigDocument doc, String name) {
        ConfigDocument.EnvironmentDocument env = doc.environments.get(safeName(name));
        if (env == null) {
            throw new CommandException("no environment named '" + name + "'" + Suggest.closest(name, doc.environments.keySet())
                    .map(s -> "; did you mean " + s + "?").orElse("; see /environment list"));
        }
        return env;
    }
}
