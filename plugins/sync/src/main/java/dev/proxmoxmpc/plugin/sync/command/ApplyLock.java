package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.LockHeldException;
import dev.proxmoxmpc.spi.state.LockStatus;
import dev.proxmoxmpc.spi.state.StateLock;
import java.util.List;

/**
 * The project's {@code apply} lock, taken by every command that writes the server or the agreed state from it
 * (/apply, /rollback, /restore, /sync) before it reads or plans anything. Re-entrant on one thread (a command that
 * runs another under the lock does not lock itself out). A dead holder's lock is taken over, and said so.
 */
final class ApplyLock implements AutoCloseable {
    static final String NAME = "apply";
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
    private final StateLock lock;

    private ApplyLock(StateLock lock) {
        this.lock = lock;
    }

    /** @throws CommandException naming the holder, since when and from which host, when someone else holds it */
    static ApplyLock take(KernelContext ctx, String command) {
        if (DEPTH.get() > 0) {
            DEPTH.set(DEPTH.get() + 1);
            return new ApplyLock(null);
        }
        StateLock lock;
        try {
            lock = ctx.state().lock(NAME, ctx.user() + " running /" + command);
        } catch (LockHeldException e) {
            throw new CommandException(e.getMessage(), e);
        }
        lock.takenOver().ifPresent(s -> ctx.console().warn("took over the stale " + s.name() + " lock of " + s.holder()
                + " since " + s.since() + ": its process is gone"));
        DEPTH.set(1);
        return new ApplyLock(lock);
    }

    /**
     * {@link #take} for /apply, /rollback and /restore, before they read or plan: with {@code --json} the refusal is
     * also an {@link ApplyResult} with outcome {@code locked} on stdout.
     */
    static ApplyLock takeBeforePlanning(KernelContext ctx, String command, boolean json) {
        try {
            return take(ctx, command);
        } catch (CommandException e) {
            if (json) {
                ctx.console().json(ApplyResult.locked(command, e.getMessage()));
            }
            throw e;
        }
    }

    /** @return one line per lock someone holds (stale ones say so): read-only commands report them, never clear them. */
    static List<String> report(KernelContext ctx) {
        return ctx.state().locks().stream().map(LockStatus::describe).toList();
    }

    @Override
    public void close() {
        int depth = DEPTH.get() - 1;
        DEPTH.set(Math.max(0, depth));
        if (depth <= 0 && lock != null) {
            lock.close();
        }
    }
}
