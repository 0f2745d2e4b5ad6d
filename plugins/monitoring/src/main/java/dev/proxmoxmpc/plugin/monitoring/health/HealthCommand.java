package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code health [--json] [--nagios]}: node online state and quorum, storage use, HA resource states, guests at their
 * limits, failed tasks, backups and certificates, each a check. Exit 0 healthy (warnings included), 1 when something is critical or the
 * cluster cannot be asked; with {@code --nagios} 0 ok, 1 warning, 2 critical, 3 unknown.
 */
@Extension
@Command(name = "health",
        description = "Check the cluster's health: nodes, quorum, storage, HA, busy guests, failed tasks, backups, certificates",
        footer = {"/health", "/health --json", "proxmox-mpc -c '/health --nagios'   # for Nagios, Icinga, cron"})
@AssistantTool(Safety.READ)
public class HealthCommand implements ConsoleCommand {
    @Option(names = "--nagios",
            description = "one status line, exit 0 ok, 1 warning, 2 critical, 3 unknown (not with --json)")
    private boolean nagios;

    /** @return the options as declared, {@code --json} from the kernel's global flag */
    HealthOptions options(boolean jsonRequested) {
        return new HealthOptions(jsonRequested, nagios);
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        HealthOptions o = options(ctx.console().jsonRequested());
        HealthLimits limits = HealthLimits.from(new Settings(ctx.config().generatorOptions(Settings.SECTION)).section("health"));
        HealthReport report;
        try (ProviderSession session = ctx.connect()) {
            HealthInputs in = new HealthReader(session).read(ctx.clock().instant().getEpochSecond());
            report = HealthReport.of(new HealthChecks(limits).run(in));
        } catch (ProviderException e) {
            report = HealthReport.of(List.of(new Check("cluster", Status.UNKNOWN, "cannot ask the cluster: " + e.getMessage(),
                    List.of())));
        }
        if (o.json()) {
            ctx.console().json(report);
        } else if (o.nagios()) {
            HealthView.nagios(report).forEach(ctx.console()::println);
        } else {
            HealthView.table(ctx.console(), report);
        }
        return new CommandResult(o.nagios() ? report.nagiosExitCode() : report.exitCode(), "");
    }
}
