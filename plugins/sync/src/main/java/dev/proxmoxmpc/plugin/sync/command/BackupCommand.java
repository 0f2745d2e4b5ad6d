package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code /backup}: a state snapshot of the desired state; with {@code --guests} also a vzdump backup of every guest
 * (templates excluded) to a backup storage. {@code --list} shows the snapshots.
 */
@Extension
@Command(name = "backup", description = "Snapshot the state; with --guests also back up every guest (vzdump)",
        footer = {"backup", "backup --guests --storage backup-nfs", "backup --list --json"})
public class BackupCommand implements ConsoleCommand {
    @Option(names = "--guests", description = "also back up every guest (vzdump)")
    private boolean guests;
    @Option(names = "--storage", paramLabel = "S", completionCandidates = Completions.Storages.class,
            description = "where vzdump writes (default: a storage that takes backups)")
    private String storage;
    @Option(names = "--list", description = "list the state snapshots instead")
    private boolean list;

    /** @param snapshot the state snapshot; @param guests one line per guest backup ({@code vm/101: OK (UPID...)}) */
    public record BackupResult(String snapshot, List<String> guests, long failed) {}

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        boolean json = ctx.console().jsonRequested();
        if (list) {
            List<SnapshotInfo> snaps = ctx.state().snapshots();
            if (json) {
                ctx.console().json(snaps);
            } else {
                ctx.console().table(new Table(List.of("ID", "CAUSE", "NODES", "VMS", "CONTAINERS"), snaps.stream()
                        .map(s -> List.of(s.id(), s.cause(), "" + s.nodes(), "" + s.vms(), "" + s.containers())).toList()));
            }
            return CommandResult.ok();
        }
        SnapshotInfo snap = ctx.state().snapshot("backup", ctx.state().load(StateKind.DESIRED));
        List<String> lines = new ArrayList<>();
        long failed = 0;
        if (guests) {
            try (ProviderSession session = ctx.connect()) {
                Inventory observed = Discovery.discover(ctx, session);
                String storage = this.storage != null ? this.storage : backupStorage(observed);
                List<Change> changes = observed.guests().stream().filter(g -> !g.template())
                        .map(g -> backup(g, storage)).toList();
                List<ChangeResult> results;
                try (Progress p = ctx.console().progress("Backing up", changes.size())) {
                    results = session.applyAll(changes, ctx.config().parallelism(), p);
                }
                for (ChangeResult r : results) {
                    lines.add(r.change().target() + ": " + r.message() + (r.taskId().isEmpty() ? "" : " (" + r.taskId() + ")"));
                    failed += r.status() == ChangeResult.Status.FAILED ? 1 : 0;
                    ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), ctx.config().environment().tokenId(), "backup",
                            r.change().target().toString(), r.succeeded() ? "ok" : r.message(), r.durationMillis()));
                }
            }
        }
        BackupResult result = new BackupResult(snap.id(), lines, failed);
        if (json) {
            ctx.console().json(result);
        } else {
            ctx.console().success("State snapshot " + snap.id());
            lines.forEach(l -> ctx.console().println("  " + l));
        }
        return failed == 0 ? CommandResult.ok() : CommandResult.failure(failed + " guest backups failed");
    }

    static Change backup(Guest g, String storage) {
        return new Change(ChangeAction.BACKUP, ApplyTargets.ref(g), Map.of(), List.of(), Map.of(Change.OPT_STORAGE, storage),
                "backup " + ApplyTargets.ref(g) + " to " + storage);
    }

    /** @return the first storage holding backups, or {@code local}. */
    static String backupStorage(Inventory observed) {
        return observed.storages().stream().filter(s -> s.content().contains("backup")).map(Storage::id).findFirst().orElse("local");
    }
}
