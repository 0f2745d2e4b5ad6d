package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /unlock NAME}: removes a lock left behind by a run that died. A lock whose holder still runs on this host
 * is kept unless {@code --force}; a lock from another host is removed after a confirmation.
 */
public final class UnlockCommand implements ConsoleCommand {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    @Override
    public String name() {
        return "unlock";
    }

    @Override
    public String summary() {
        return "Remove a stale state lock (apply, sync, ...)";
    }

    @Override
    public String usage() {
        return "unlock NAME [--force]";
    }

    @Override
    public List<String> examples() {
        return List.of("/unlock apply", "/unlock sync --force");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    /** The lock name first ({@code apply}, the one /apply, /rollback and /restore take), then {@code --force}. */
    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        boolean first = words.size() <= 1 && !words.get(words.size() - 1).startsWith("-");
        return first ? List.of("apply") : List.of("--force");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = Args.parse(args, Set.of(), Set.of("--force"));
        String name = a.positional(0, "the lock name (apply, sync)");
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
        if (here && !h.stale() && !a.flag("--force")) {
            throw new CommandException("the " + name + " lock is held by " + h.holder()
                    + ", which is still running; wait for it, or use --force if you are sure");
        }
        if (!here && !a.flag("--force") && !ctx.console().confirm("The " + name + " lock is held by " + h.holder()
                + " since " + h.since() + " on another host. Remove it?")) {
            return CommandResult.failure("lock kept");
        }
        admin.forceUnlock(name);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "unlock", "lock/" + name,
                "ok (was " + h.holder() + ")", 0));
        ctx.console().success("Removed the " + name + " lock of " + h.holder() + ".");
        return CommandResult.ok();
    }
}
