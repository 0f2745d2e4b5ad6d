package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /rollback <snapshot-id>}: that snapshot becomes the desired state; the plan back to it is applied after
 * confirmation. With {@code --guests}, the Proxmox snapshots {@code /apply --snapshot-guests} took when the server left
 * that state are rolled back first, restoring disks as well as configuration.
 */
@Extension
@Command(name = "rollback", description = "Return the server to a state snapshot (plan, confirm, apply)",
        footer = {"rollback 20261125-210000-sync", "rollback 20261125-210000-apply --guests --yes"})
@AssistantTool(Safety.SERVER_CHANGING)
public class RollbackCommand implements ConsoleCommand {
    @Parameters(paramLabel = "<snapshot-id>", completionCandidates = Completions.SnapshotIds.class,
            description = "the snapshot (see /history)")
    private String id;
    @Option(names = "--guests", description = "also roll back each guest's disks to its snapshot")
    private boolean guests;
    @Option(names = "--parallelism", paramLabel = "N", converter = Ranges.Positive.class,
            description = "changes at a time (default: the project's)")
    private Integer parallelism;
    @Option(names = "--snapshot-guests", description = "snapshot every guest first")
    private boolean snapshotGuests;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        var target = RollbackFlow.snapshot(ctx, id).orElseThrow(() -> RollbackFlow.unknown(ctx, id));
        int parallelism = this.parallelism != null ? this.parallelism : ctx.config().parallelism();
        return RollbackFlow.run(ctx, id, target, new RollbackFlow.Options(false, Math.max(1, parallelism),
                snapshotGuests, guests, "rollback", ctx.console().jsonRequested()));
    }
}
