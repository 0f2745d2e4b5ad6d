package dev.proxmoxmpc.plugin.prometheus;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prometheus targets [--port N]}: the scrape targets the desired state gives, as a table or JSON. The
 * annotations are the whole declaration: the kernel derives parsing, {@code /help}, Tab completion and the command
 * reference from them; {@code --json} is the kernel's, read through the console.
 */
@Extension
@Command(name = "prometheus targets", description = "List the Prometheus scrape targets of the desired state",
        footer = {"prometheus targets", "prometheus targets --port 9273 --json"})
public class TargetsCommand implements ConsoleCommand {
    @Option(names = "--port", paramLabel = "9100", converter = Ranges.Port.class,
            description = "the exporter's port on every guest")
    private int port = 9100;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        List<ScrapeTarget> targets = PrometheusTargetsGenerator.targets(ctx.state().load(StateKind.DESIRED), port,
                new ArrayList<Diagnostic>());
        if (ctx.console().jsonRequested()) {
            ctx.console().json(targets);
        } else {
            List<List<String>> rows = targets.stream().map(t -> List.of(t.address(), t.labels().get("name"),
                    t.labels().get("proxmox_node"), t.labels().get("proxmox_vmid"))).toList();
            ctx.console().table(new Table(List.of("TARGET", "NAME", "NODE", "VMID"), rows));
        }
        return CommandResult.ok();
    }
}
