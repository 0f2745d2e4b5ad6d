package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.StateStore;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code environment list}: each environment's server, authentication, TLS mode, and its own last sync and the drift
 * that sync found (each environment keeps its own observed state and history), and how many names it maps.
 */
@Command(name = "environment list", aliases = {"env list", "environments"},
        description = "List the environments: server, last sync and drift of each, the current one marked",
        footer = {"environment list", "environment list --json"})
public final class EnvironmentListCommand implements ConsoleCommand {

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        var project = new ConfigStore(ctx.workspace()).load().project();
        List<EnvironmentRow> rows = project.environments().values().stream().sorted(Comparator.comparing(e -> e.name()))
                .map(e -> EnvironmentRow.of(e, e.name().equals(project.currentEnvironment()), lastSync(ctx, e.name())))
                .toList();
        if (ctx.console().jsonRequested()) {
            ctx.console().json(rows);
            return CommandResult.ok();
        }
        ctx.console().table(new Table(List.of("", "NAME", "SERVER", "AUTH", "TLS", "LAST SYNC", "DRIFT", "MAPPED"),
                rows.stream().map(EnvironmentRow::cells).toList()));
        return CommandResult.ok();
    }

    /** @return the environment's own last sync, or empty when never or when there is no state to ask (a fresh clone) */
    static Optional<SyncRun> lastSync(KernelContext ctx, String environment) {
        try {
            StateStore state = ctx.state();
            if (state instanceof MyBatisStateStore store) {
                return store.forEnvironment(environment).lastSyncRun();
            }
            return state.lastSyncRun().filter(r -> r.environment().equals(environment));
        } catch (StateException e) {
            return Optional.empty();
        }
    }
}
