package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code /history}: the snapshots, newest first (id, time, cause, counts); {@code --json} for scripts. */
@Command(name = "history", description = "List state snapshots (what /rollback can return to)",
        footer = {"/history", "/history --limit 5", "/history --json"})
@AssistantTool(Safety.READ)
public final class HistoryCommand implements ConsoleCommand {
    @Option(names = "--limit", paramLabel = "N", converter = Ranges.Positive.class, description = "show the newest N")
    private int limit = Integer.MAX_VALUE;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        List<SnapshotInfo> snapshots = ctx.state().snapshots();
        List<SnapshotInfo> shown = snapshots.subList(0, Math.min(limit, snapshots.size()));
        if (ctx.console().jsonRequested()) {
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
