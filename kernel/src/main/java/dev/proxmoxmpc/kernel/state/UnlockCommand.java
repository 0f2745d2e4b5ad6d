package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /unlock NAME}: removes a lock left behind by a run that died. A lock whose holder still runs on this host
 * is kept unless {@code --force}; a lock from another host is removed after a confirmation.
 */
@Command(name = "unlock", description = "Remove a stale state lock (apply, sync, ...)",
        footer = {"/unlock apply", "/unlock sync --force"})
public final class UnlockCommand implements ConsoleCommand {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    @Parameters(paramLabel = "NAME", completionCandidates = Locks.class, description = "the lock (apply, sync)")
    private String name;
    @Option(names = "--force", description = "remove it even when its holder still runs here")
    private boolean force;

    /** Tab: {@code apply}, the lock /apply, /rollback and /restore take. */
    static final class Locks extends FixedCandidates {
        Locks() {
            super("apply");
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("not a lock name: '" + name + "'");
        }
        if (!(ctx.state() instanceof LockAdmin admin)) {
            throw new CommandException("this state store cannot list its locks");
        }
        Optional<LockInfo> holder = admin.lockHolder(name);
        if (holder.isEmpty()) {
            ctx.console().info("The " + name + " lock is free.");
            return CommandResult.ok();
        }
        LockInfo h = holder.get();
        boolean here = h.host().equals(LocalProcess.host());
        if (here && !h.stale() && !force) {
            throw new CommandException("the " + name + " lock is held by " + h.holder()
                    + ", which is still running; wait for it, or use --force if you are sure");
        }
        if (!here && !force && !ctx.console().confirm("The " + name + " lock is held by " + h.holder()
                + " since " + h.since() + " on another host. Remove it?")) {
            return CommandResult.failure("lock kept");
        }
        admin.forceUnlock(name);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "unlock", "lock/" + name,
                "ok (was " + h.holder() + " since " + h.since() + (h.stale() ? ", stale" : "") + ")", 0));
        ctx.console().success("Removed the " + name + " lock of " + h.holder() + ".");
        return CommandResult.ok();
    }
}
