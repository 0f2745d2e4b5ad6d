package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
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
import java.util.Set;

/**
 * {@code /workspace list|switch|clone}: the registry of projects in {@code ~/.proxmox-mpc/workspaces.yml}. A clone
 * copies the project without secrets.yml, state.db, history, cache and audit.log, and starts with an empty state.
 */
public final class WorkspaceCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("list", "switch", "clone");
    @Override
    public String name() {
        return "workspace";
    }

    @Override
    public List<String> aliases() {
        return List.of("ws");
    }

    @Override
    public String summary() {
        return "List, switch or clone registered projects";
    }

    @Override
    public String usage() {
        return "workspace list [--json] | workspace switch NAME | workspace clone NAME [--to DIR]";
    }

    @Override
    public List<String> examples() {
        return List.of("/workspace list", "/workspace switch lab", "/workspace clone staging --to ../staging");
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        if (words.size() <= 1) {
            return SUBCOMMANDS;
        }
        if (words.get(0).equals("switch") && words.size() == 2) {
            return new ArrayList<>(WorkspaceRegistry.of(ctx).all().keySet());
        }
        return List.of();
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        String sub = args.isEmpty() ? "list" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        WorkspaceRegistry registry = WorkspaceRegistry.of(ctx);
        return switch (sub) {
            case "list" -> list(ctx, registry, rest);
            case "switch" -> switchTo(ctx, registry, rest);
            case "clone" -> cloneTo(ctx, registry, rest);
            default -> throw new UsageException("workspace " + sub + ": unknown" + Args.Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean workspace " + s + "?").orElse("; use list, switch or clone"));
        };
    }

    /** One row of {@code workspace list}. */
    public record Entry(String name, String path, boolean current, boolean exists) {}

    private CommandResult list(KernelContext ctx, WorkspaceRegistry registry, List<String> args) {
        Args a = Args.parse(args, Set.of(), Set.of("--json"));
        String current = registry.current().orElse("");
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Path> e : registry.all().entrySet()) {
            entries.add(new Entry(e.getKey(), e.getValue().toString(), e.getKey().equals(current),
                    new Workspace(e.getValue()).initialised()));
        }
        if (ctx.console().jsonRequested() || a.flag("--json")) {
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

    private CommandResult switchTo(KernelContext ctx, WorkspaceRegistry registry, List<String> args) {
        String name = safeName(Args.parse(args, Set.of(), Set.of()).positional(0, "the workspace name"));
        registry.switchTo(name);
        Path path = registry.all().get(name);
        ProjectHost.of(ctx).ifPresentOrElse(h -> {
            h.useWorkspace(path);
            ctx.console().success("Now working in " + name + " (" + path + ").");
        }, () -> ctx.console().success("Current workspace: " + name + " (" + path + ")."));
        return CommandResult.ok();
    }

    private CommandResult cloneTo(KernelContext ctx, WorkspaceRegistry registry, List<String> args) {
        Args a = Args.parse(args, Set.of("--to"), Set.of());
        String name = safeName(a.positional(0, "the new workspace's name"));
        Workspace from = ctx.workspace();
        if (!from.initialised()) {
            throw new CommandException("no project in " + from.root() + " to clone; run /init first");
        }
        if (registry.all().containsKey(name)) {
            throw new CommandException("a workspace named '" + name + "' exists already; see /workspace list");
        }
        Path to = a.value("--to").map(p -> from.root().resolve(p).normalize())
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

    private static String safeName(String name) {
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("unsafe name '" + name + "': use letters, digits, '.', '_' and '-' (no '/' or '..')");
        }
        return name;
    }
}
