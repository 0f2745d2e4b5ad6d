package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code /rollback <snapshot-id>}: that snapshot becomes the desired state; the plan back to it is applied after
 * confirmation. With {@code --guests}, the Proxmox snapshots {@code /apply --snapshot-guests} took when the server left
 * that state are rolled back first, restoring disks as well as configuration.
 */
@Extension
public class RollbackCommand implements ConsoleCommand {
    private static final Set<String> VALUE_FLAGS = Set.of("--parallelism");
    private static final Set<String> BOOLEAN_FLAGS = Set.of("--yes", "--snapshot-guests", "--guests", "--json");

    @Override
    public String name() {
        return "rollback";
    }

    @Override
    public String summary() {
        return "Return the server to a state snapshot (plan, confirm, apply)";
    }

    @Override
    public String usage() {
        return "rollback <snapshot-id> [--guests] [--yes] [--parallelism N] [--snapshot-guests] [--json]";
    }

    @Override
    public List<String> examples() {
        return List.of("rollback 20261125-210000-sync", "rollback 20261125-210000-apply --guests --yes");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return Completions.of(words, VALUE_FLAGS, BOOLEAN_FLAGS, Map.of(), () -> GuestNames.snapshotIds(ctx));
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> words) {
        Args args = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        String id = args.positional(0, "snapshot id (see /backup --list)");
        var target = RollbackFlow.snapshot(ctx, id).orElseThrow(() -> RollbackFlow.unknown(ctx, id));
        int parallelism = args.intValue("--parallelism").orElse(ctx.config().parallelism());
        return RollbackFlow.run(ctx, id, target, new RollbackFlow.Options(args.flag("--yes"), Math.max(1, parallelism),
                args.flag("--snapshot-guests"), args.flag("--guests"), "rollback", ctx.console().jsonRequested() || args.flag("--json")));
    }
}
