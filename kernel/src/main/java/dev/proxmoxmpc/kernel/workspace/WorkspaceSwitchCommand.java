package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code /workspace switch NAME}: makes a registered project the current one (and opens it in the console). */
@Command(name = "workspace switch", aliases = "ws switch", description = "Switch to a registered project (workspace)",
        footer = {"/workspace switch lab"})
public final class WorkspaceSwitchCommand implements ConsoleCommand {
    @Parameters(paramLabel = "NAME", completionCandidates = Workspaces.Names.class, description = "the workspace to switch to")
    private String name;

    @Override
    public CommandResult execute(KernelContext ctx) {
        WorkspaceRegistry registry = WorkspaceRegistry.of(ctx);
        String safe = Workspaces.safeName(name);
        registry.switchTo(safe);
        Path path = registry.all().get(safe);
        ProjectHost.of(ctx).ifPresentOrElse(h -> {
            h.useWorkspace(path);
            ctx.console().success("Now working in " + safe + " (" + path + ").");
        }, () -> ctx.console().success("Current workspace: " + safe + " (" + path + ")."));
        return CommandResult.ok();
    }
}
