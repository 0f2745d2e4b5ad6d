package dev.proxmoxmpc.plugin.monitoring.cost;

import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code cost [--by pool|tag|node] [--json]}: the monthly cost of each guest the last /sync observed, and of its
 * pools, tags or nodes, from the cost model in config.yml ({@code generators.monitoring.cost}). Local: no server call.
 */
@Extension
@Command(name = "cost", description = "Monthly cost per guest and per pool, tag or node, from the cost model in config.yml",
        footer = {"/cost", "/cost --by tag", "/cost --by node --json"})
@AssistantTool(Safety.READ)
public class CostCommand implements ConsoleCommand {
    @Option(names = "--by", paramLabel = "pool|tag|node", completionCandidates = Groups.class, converter = Groups.class,
            description = "what to total the guests by (default: pool)")
    private String by = "pool";

    /** Tab and check: the groupings. */
    static final class Groups extends FixedCandidates implements ITypeConverter<String> {
        Groups() {
            super(CostOptions.GROUPS.toArray(String[]::new));
        }

        @Override
        public String convert(String value) {
            if (!CostOptions.GROUPS.contains(value)) {
                throw new TypeConversionException("must be one of " + String.join(", ", CostOptions.GROUPS) + ", got '" + value + "'");
            }
            return value;
        }
    }

    /** @return the options as declared, {@code --json} from the kernel's global flag */
    CostOptions options(boolean jsonRequested) {
        return new CostOptions(by, jsonRequested);
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        CostOptions o = options(ctx.console().jsonRequested());
        CostModel model;
        try {
            model = CostModel.from(new Settings(ctx.config().generatorOptions(Settings.SECTION)))
                    .orElseThrow(() -> new CommandException("no cost model in .proxmox/config.yml: add generators.monitoring.cost"
                            + " (prices per core, GiB of memory and GiB of disk per month; see docs/monitoring.md)"));
        } catch (IllegalArgumentException e) {
            throw new CommandException("config.yml: " + e.getMessage());
        }
        CostReport report = CostReport.of(ctx.config().currentEnvironment(), model,
                ctx.state().load(StateKind.OBSERVED).guests(), o.by());
        if (o.json()) {
            ctx.console().json(report);
        } else {
            render(ctx.console(), report);
        }
        return CommandResult.ok();
    }

    private static void render(Console console, CostReport r) {
        String cur = r.currency().isEmpty() ? "" : " " + r.currency();
        List<List<String>> rows = new ArrayList<>();
        for (CostReport.GuestCost g : r.guests()) {
            rows.add(List.of(Integer.toString(g.vmid()), g.name(), g.node(), g.pool(), String.join(",", g.tags()), g.status(),
                    Integer.toString(g.vcpus()), money(g.memoryGiB()), Long.toString(g.diskGiB()), money(g.monthly())));
        }
        console.table(new Table(List.of("VMID", "NAME", "NODE", "POOL", "TAGS", "STATUS", "VCPUS", "MEM GIB", "DISK GIB",
                "MONTHLY" + cur), rows));
        console.println("");
        List<List<String>> groups = new ArrayList<>();
        r.groups().forEach(g -> groups.add(List.of(g.key(), Integer.toString(g.guests()), money(g.monthly()))));
        console.table(new Table(List.of(r.by().toUpperCase(Locale.ROOT), "GUESTS", "MONTHLY" + cur), groups));
        console.println("Total for environment " + r.environment() + ": " + money(r.total()) + cur + " per month"
                + (r.by().equals("tag") ? " (a guest with several tags counts under each)" : ""));
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
