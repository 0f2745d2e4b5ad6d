package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /workspace clone NAME [--to DIR]} (the current project) or {@code /workspace clone SRC NAME}: copies a project
 * without secrets.yml, history, cache and audit.log; the copy's new state holds the source's desired state only, and
 * it is registered as workspace NAME.
 */
@Command(name = "workspace clone", aliases = "ws clone",
        description = "Copy a project (without secrets or server state) and register it as a workspace",
        footer = {"/workspace clone staging --to ../staging", "/workspace clone lab lab-copy"})
public final class WorkspaceCloneCommand implements ConsoleCommand {
    @Parameters(arity = "1..2", paramLabel = "[SRC] NAME", completionCandidates = Workspaces.Names.class,
            description = "the clone's name, or the source workspace (or project directory) and then the clone's name")
    private List<String> names = new ArrayList<>();
    @Option(names = "--to", paramLabel = "DIR", description = "where to put the copy (default: beside the source, named NAME)")
    private String to;

    @Override
    public CommandResult execute(KernelContext ctx) {
        WorkspaceRegistry registry = WorkspaceRegistry.of(ctx);
        boolean pair = names.size() == 2;
        Workspace from = pair ? source(ctx, registry, names.get(0)) : ctx.workspace();
        String name = Workspaces.safeName(names.get(pair ? 1 : 0));
        if (!from.initialised()) {
            throw new CommandException("no project in " + from.root() + " to clone; run /init first");
        }
        if (registry.all().containsKey(name)) {
            throw new CommandException("a workspace named '" + name + "' exists already; see /workspace list");
        }
        Path target = to == null ? from.root().resolveSibling(name) : from.root().resolve(to).normalize();
        Inventory desired = desiredOf(ctx, from);
        ProjectCloner.copy(from, target);
        Workspace clone = new Workspace(target);
        try {
            Files.createDirectories(clone.historyDir());
            Files.createDirectories(clone.cacheDir());
        } catch (IOException e) {
            throw new CommandException("cannot create " + clone.dotProxmox() + ": " + e.getMessage());
        }
        try (MyBatisStateStore s = StateStores.sqlite(clone.stateDb(), clone.historyDir(), ctx.clock(),
                StateStores.Missing.CREATE)) {
            s.save(StateKind.DESIRED, desired);
        }
        registry.register(name, target);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "workspace clone", "workspace/" + name, "ok", 0));
        ctx.console().success("Cloned " + from.root() + " to " + target + " as workspace " + name + " with its desired state ("
                + desired.guests().size() + " guests; no secrets, no server state: set its secret, then /plan or /sync there).");
        return CommandResult.ok();
    }

    private static Workspace source(KernelContext ctx, WorkspaceRegistry registry, String src) {
        Path path = registry.all().get(src);
        if (path == null) {
            Path dir = ctx.workspace().root().resolve(src).normalize();
            if (!new Workspace(dir).initialised()) {
                throw new CommandException("no workspace or project named '" + src + "'" + Suggest.closest(src,
                        registry.all().keySet()).map(s -> "; did you mean " + s + "?").orElse("; see /workspace list"));
            }
            path = dir;
        }
        return new Workspace(path);
    }

    /** @return the desired state of {@code from}: the open project's, else read from its SQLite state */
    private static Inventory desiredOf(KernelContext ctx, Workspace from) {
        if (from.root().equals(ctx.workspace().root()) && ctx.workspace().initialised()) {
            return ctx.state().load(StateKind.DESIRED);
        }
        if (!Files.isRegularFile(from.stateDb())) {
            return Inventory.empty();
        }
        try (MyBatisStateStore s = StateStores.sqlite(from.stateDb(), from.historyDir(), ctx.clock(), StateStores.Missing.FAIL)) {
            return s.load(StateKind.DESIRED);
        }
    }
}
