package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code /workspace list} (also plain {@code /workspace}): the projects registered in {@code workspaces.yml}. */
@Command(name = "workspace list", aliases = {"workspace", "ws", "ws list"},
        description = "List the registered projects (workspaces); * marks the current one",
        footer = {"/workspace list", "/workspace list --json"})
public final class WorkspaceListCommand implements ConsoleCommand {
    /** One row of {@code workspace list}. */
    public record Entry(String name, String path, boolean current, boolean exists) {}

    @Override
    public CommandResult execute(KernelContext ctx) {
        WorkspaceRegistry registry = WorkspaceRegistry.of(ctx);
        Path open = ctx.workspace().initialised() ? Workspaces.real(ctx.workspace().root()) : null;
        String current = open != null ? "" : registry.current().orElse("");
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Path> e : registry.all().entrySet()) {
            boolean isCurrent = open != null ? Workspaces.real(e.getValue()).equals(open) : e.getKey().equals(current);
            entries.add(new Entry(e.getKey(), e.getValue().toString(), isCurrent, new Workspace(e.getValue()).initialised()));
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
}
