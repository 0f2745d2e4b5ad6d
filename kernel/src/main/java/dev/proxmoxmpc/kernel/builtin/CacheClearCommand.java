package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code /cache clear [ENVIRONMENT]}: removes the cached server answers (of one environment). /plan and /apply never
 * read the cache, so clearing it only costs a few round trips.
 */
@Command(name = "cache clear", description = "Clear the cached server answers in .proxmox/cache/",
        footer = {"/cache clear", "/cache clear default"})
public final class CacheClearCommand implements ConsoleCommand {
    @Parameters(arity = "0..1", paramLabel = "ENVIRONMENT", completionCandidates = Environments.class,
            description = "only this environment's cache")
    private String environment;

    /** Tab: the project's environments. */
    static final class Environments implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return new ArrayList<>(ctx.config().environments().keySet());
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        List<Path> dirs = CacheDirs.environmentDirs(ctx);
        if (environment != null) {
            String env = environment;
            if (!ctx.config().environments().containsKey(env)) {
                List<String> known = new ArrayList<>(ctx.config().environments().keySet());
                throw new UsageException("unknown environment '" + env + "'" + Suggest.closest(env, known)
                        .map(s -> "; did you mean " + s + "?").orElse("; known: " + String.join(", ", known)));
            }
            dirs = dirs.stream().filter(d -> d.getFileName().toString().equals(env)).toList();
        }
        List<String> envs = new ArrayList<>();
        int entries = 0;
        long bytes = 0;
        for (Path dir : dirs) {
            CacheDirs.CacheDir measured = CacheDirs.measure(dir);
            CacheDirs.removeTree(dir);
            envs.add(measured.environment());
            entries += measured.entries();
            bytes += measured.bytes();
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(new CacheDirs.Cleared(envs, entries, bytes));
        } else {
            ctx.console().success("Removed " + entries + (entries == 1 ? " cached answer" : " cached answers") + " ("
                    + CacheDirs.kib(bytes) + ")" + (envs.isEmpty() ? "" : " of " + String.join(", ", envs)) + ".");
        }
        return CommandResult.ok();
    }
}
