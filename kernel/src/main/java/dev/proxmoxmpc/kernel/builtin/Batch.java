package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import java.util.List;

/** Runs command lines in order; the shared rules of {@code -c}, {@code run FILE} and commands on stdin. */
public final class Batch {
    private Batch() {}

    /**
     * @return the first failure (and the run stops there unless {@code keepGoing}); else changes pending when any
     *     command had some; else ok
     */
    public static CommandResult run(KernelSession session, List<String> lines, boolean keepGoing) {
        CommandResult firstFailure = null;
        boolean pending = false;
        for (String line : lines) {
            if (session.exitRequested() || Thread.currentThread().isInterrupted()) {
                break;
            }
            CommandResult r = session.runner().run(line);
            if (!r.succeeded()) {
                if (firstFailure == null) {
                    firstFailure = new CommandResult(r.exitCode(), "");
                }
                if (!keepGoing) {
                    break;
                }
            } else if (r.exitCode() == ExitCode.CHANGES_PENDING) {
                pending = true;
            }
        }
        if (firstFailure != null) {
            return firstFailure;
        }
        return pending ? CommandResult.changesPending() : CommandResult.ok();
    }
}
