package dev.proxmoxmpc.plugin.prometheus;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** {@code prometheus targets [--port N] [--json]}: the scrape targets the desired state gives, as a table or JSON. */
@Extension
public class TargetsCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "prometheus targets";
    }

    @Override
    public String summary() {
        return "List the Prometheus scrape targets of the desired state";
    }

    @Override
    public String usage() {
        return "prometheus targets [--port 9100] [--json]";
    }

    @Override
    public List<String> examples() {
        return List.of("prometheus targets", "prometheus targets --port 9273 --json");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return List.of("--port", "--json");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = Args.parse(args, Set.of("--port"), Set.of("--json"));
        int port = a.intValue("--port").orElse(9100);
        List<ScrapeTarget> targets = PrometheusTargetsGenerator.targets(ctx.state().load(StateKind.DESIRED), port,
                new ArrayList<Diagnostic>());
        if (a.flag("--json") || ctx.console().jsonRequested()) {
            ctx.console().json(targets);
        } else {
            List<List<String>> rows = targets.stream().map(t -> List.of(t.address(), t.labels().get("name"),
                    t.labels().get("proxmox_node"), t.labels().get("proxmox_vmid"))).toList();
            ctx.console().table(new Table(List.of("TARGET", "NAME", "NODE", "VMID"), rows));
        }
        return CommandResult.ok();
    }
}
