package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /workspace list|switch|clone}: the registry of projects in {@code ~/.proxmox-mpc/workspaces.yml}. A clone
 * copies the project without secrets.yml, state.db, history, cache and audit.log, and starts with an empty state.
 */
@Command(name = "workspace", aliases = "ws", description = "List, switch or clone registered projects",
        footer = {"/workspace list", "/workspace switch lab", "/workspace clone staging --to ../staging"})
public final class WorkspaceCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("list", "switch", "clone");
    @Parameters(index = "0", arity = "0..1", paramLabel = "list|switch|clone", completionCandidates = Actions.class,
            description = "list (the default), switch NAME or clone NAME")
    private String action = "list";
    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", completionCandidates = Workspaces.class,
            description = "the workspace to switch to, or the clone's name")
    private String name;
    @Option(names = "--to", paramLabel = "DIR", description = "clone: where to put the copy")
    private String to;

    /** Tab: the actions. */
    static final class Actions extends FixedCandidates {
        Actions() {
            super("list", "switch", "clone");
        }
    }

    /** Tab: the registered workspaces (for switch). */
    static final class Workspaces implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return request.positional(0).filter("switch"::equals).isPresent()
                    ? new ArrayList<>(WorkspaceRegistry.of(ctx).all().keySet()) : List.of();
        }
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        String sub = action;
        WorkspaceRegistry registry = WorkspaceRegistry.of(ctx);
        return switch (sub) {
            case "list" -> list(ctx, registry);
            case "switch" -> switchTo(ctx, registry);
            case "clone" -> cloneTo(ctx, registry);
            default -> throw new UsageException("workspace " + sub + ": unknown" + Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean workspace " + s + "?").orElse("; use list, switch or clone"));
        };
    }

    /** One row of {@code workspace list}. */
    public record Entry(String name, String path, boolean current, boolean exists) {}

    private CommandResult list(KernelContext ctx, WorkspaceRegistry registry) {
        if (name != null) {
            throw new UsageException("unexpected '" + name + "'");
        }
        String current = registry.current().orElse("");
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Path> e : registry.all().entrySet()) {
            entries.add(new Entry(e.getKey(), e.getValue().toString(), e.getKey().equals(current),
                    new Workspace(e.getValue()).initialised()));
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(entries);
            return CommandResult.ok();
        }
        if (entries.isEmpty()) {
            ctx.console().info("No workspaces registered yet: /init registers the project it creates.");
            return CommandResult.ok();
        }
        ctx.console().table(new Table(List.of("", "NAME", "PATH", "STATUS"), entries.stream()
                .map(e -> List.of(e.current() ? "*" : "", e.name(), e.path(), e.exists() ? "ok" : "missing")).toList()));
        return CommandResult.ok();
    }

    private CommandResult switchTo(KernelContext ctx, WorkspaceRegistry registry) {
        String name = safeName(required("the workspace name"));
        registry.switchTo(name);
        Path path = registry.all().get(name);
        ProjectHost.of(ctx).ifPresentOrElse(h -> {
            h.useWorkspace(path);
            ctx.console().success("Now working in " + name + " (" + path + ").");
        }, () -> ctx.console().success("Current workspace: " + name + " (" + path + ")."));
        return CommandResult.ok();
    }

    private CommandResult cloneTo(KernelContext ctx, WorkspaceRegistry registry) {
        String name = safeName(required("the new workspace's name"));
        Workspace from = ctx.workspace();
        if (!from.initialised()) {
            throw new CommandException("no project in " + from.root() + " to clone; run /init first");
        }
        if (registry.all().containsKey(name)) {
            throw new CommandException("a workspace named '" + name + "' exists already; see /workspace list");
        }
        Path to = java.util.Optional.ofNullable(this.to).map(p -> from.root().resolve(p).normalize())
                .orElse(from.root().resolveSibling(name));
        ProjectCloner.copy(from, to);
        Workspace clone = new Workspace(to);
        try {
            Files.createDirectories(clone.historyDir());
            Files.createDirectories(clone.cacheDir());
        } catch (IOException e) {
            throw new CommandException("cannot create " + clone.dotProxmox() + ": " + e.getMessage());
        }
        try (MyBatisStateStore s = StateStores.sqlite(clone.stateDb(), clone.historyDir(), ctx.clock(),
                StateStores.Missing.CREATE)) {
            s.events(1);
        }
        registry.register(name, to);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "workspace clone", "workspace/" + name, "ok", 0));
        ctx.console().success("Cloned " + from.root() + " to " + to + " as workspace " + name
                + " (without secrets and state: set its secret, then /sync there).");
        return CommandResult.ok();
    }

    private String required(String what) {
        if (name == null) {
            throw new UsageException("missing " + what);
        }
        return name;
    }

    private static String safeName(String name) {
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("unsafe name '" + name + "': use letters, digits, '.', '_' and '-' (no '/' or '..')");
        }
        return name;
    }
}
