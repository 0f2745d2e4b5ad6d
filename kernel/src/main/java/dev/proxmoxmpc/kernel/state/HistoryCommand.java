package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import java.util.List;
import java.util.Set;

/** {@code /history}: the snapshots, newest first (id, time, cause, counts); {@code --json} for scripts. */
public final class HistoryCommand implements ConsoleCommand {
    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "List state snapshots (what /rollback can return to)";
    }

    @Override
    public String usage() {
        return "history [--limit N] [--json]";
    }

    @Override
    public List<String> examples() {
        return List.of("/history", "/history --limit 5", "/history --json");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return List.of("--limit", "--json");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = Args.parse(args, Set.of("--limit"), Set.of("--json"));
        int limit = a.intValue("--limit").orElse(Integer.MAX_VALUE);
        List<SnapshotInfo> snapshots = ctx.state().snapshots();
        List<SnapshotInfo> shown = snapshots.subList(0, Math.min(Math.max(limit, 0), snapshots.size()));
        if (ctx.console().jsonRequested() || a.flag("--json")) {
            ctx.console().json(shown);
            return CommandResult.ok();
        }
        if (shown.isEmpty()) {
            ctx.console().info("No snapshots yet: /sync and /apply record one each time.");
            return CommandResult.ok();
        }
        List<List<String>> rows = shown.stream().map(s -> List.of(s.id(), s.time().toString(), s.cause(),
                String.valueOf(s.nodes()), String.valueOf(s.vms()), String.valueOf(s.containers()))).toList();
        ctx.console().table(new Table(List.of("ID", "TIME", "CAUSE", "NODES", "VMS", "CONTAINERS"), rows));
        return CommandResult.ok();
    }
}
