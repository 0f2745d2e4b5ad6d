package dev.proxmoxmpc.plugin.monitoring.rightsize;

import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code rightsize [--since 7d] [--json]}: reads each running guest's RRD data ({@code cf=MAX}) and recommends cores
 * and memory from the observed p95 plus headroom ({@code generators.monitoring.rightsize.headroom_percent}, default
 * 30), with what it would free per node. The {@code scale} commands are shown, never run.
 */
@Extension
@Command(name = "rightsize", description = "Recommend cores and memory per guest from observed use (p95 plus headroom)",
        footer = {"/rightsize", "/rightsize --since 30d --json"})
@AssistantTool(Safety.READ)
public class RightsizeCommand implements ConsoleCommand {
    @Option(names = "--since", paramLabel = "7d", converter = Window.class,
            description = "how far back to look: 30m, 24h, 7d, 2w, a year at most (default: 7d)")
    private String since = "7d";

    /** Checks a window such as {@code 7d}; the field keeps the text as typed. */
    static final class Window implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            RightsizeOptions.window("--since", value);
            return value;
        }
    }

    /** @return the options as declared, {@code --json} from the kernel's global flag */
    RightsizeOptions options(boolean jsonRequested) {
        return new RightsizeOptions(since, RightsizeOptions.window("--since", since), jsonRequested);
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        RightsizeOptions o = options(ctx.console().jsonRequested());
        Settings s = new Settings(ctx.config().generatorOptions(Settings.SECTION)).section("rightsize");
        double headroom = s.number("headroom_percent", 30) / 100;
        Rightsizer sizer = new Rightsizer(headroom, s.number("saturation_percent", 90) / 100);
        long from = ctx.clock().instant().getEpochSecond() - o.since().toSeconds();
        List<Recommendation> out = new ArrayList<>();
        try (ProviderSession session = ctx.connect()) {
            for (Map<String, Object> r : session.read("/cluster/resources", Map.of("type", "vm")).rows()) {
                if (!ApiData.string(r, "status").equals("running") || ApiData.number(r, "template", 0) == 1) {
                    continue;
                }
                out.add(sizer.recommend(usage(session, r, o.timeframe(), from)));
            }
        }
        RightsizeReport report = RightsizeReport.of(o.sinceText(), o.timeframe(), headroom, out);
        if (o.json()) {
            ctx.console().json(report);
        } else {
            render(ctx.console(), report);
        }
        return CommandResult.ok();
    }

    private static GuestUsage usage(ProviderSession session, Map<String, Object> r, String timeframe, long from) {
        String type = ApiData.string(r, "type");
        int vmid = (int) ApiData.number(r, "vmid", 0);
        String node = ApiData.string(r, "node");
        List<GuestUsage.Point> points = new ArrayList<>();
        for (Map<String, Object> p : session.read("/nodes/" + node + "/" + type + "/" + vmid + "/rrddata",
                Map.of("timeframe", timeframe, "cf", "MAX")).rows()) {
            long t = (long) ApiData.number(p, "time", 0);
            if (t >= from && p.containsKey("cpu") && p.containsKey("mem")) {
                points.add(new GuestUsage.Point(t, ApiData.number(p, "cpu", 0), ApiData.number(p, "mem", 0),
                        ApiData.number(p, "memhost", -1)));
            }
        }
        return new GuestUsage(vmid, ApiData.string(r, "name"), type, node, (int) ApiData.number(r, "maxcpu", 1),
                (long) ApiData.number(r, "maxmem", 0), points);
    }

    private static void render(Console console, RightsizeReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (Recommendation r : report.guests()) {
            rows.add(List.of(Integer.toString(r.vmid()), r.name(), r.node(), r.verdict(),
                    r.cores() + " -> " + r.recommendedCores() + " (p95 " + r.cpuP95() + ")",
                    r.memoryMiB() + " -> " + r.recommendedMemoryMiB() + " MiB (p95 " + r.memoryP95MiB()
                            + (r.memorySource().equals("host") ? ", host view" : "") + ")"));
        }
        console.table(new Table(List.of("VMID", "NAME", "NODE", "VERDICT", "CORES", "MEMORY"), rows));
        List<List<String>> nodes = new ArrayList<>();
        report.nodes().forEach(n -> nodes.add(List.of(n.node(), Integer.toString(n.cores()), n.memoryMiB() + " MiB")));
        console.println("");
        console.println("What the recommendations would free per node (negative: they need more):");
        console.table(new Table(List.of("NODE", "CORES", "MEMORY"), nodes));
        List<String> commands = report.guests().stream().map(Recommendation::command).filter(c -> !c.isEmpty()).toList();
        if (!commands.isEmpty()) {
            console.println("");
            console.println("To apply (then /plan and /apply), for example:");
            commands.forEach(c -> console.println("  " + c));
        }
        for (Recommendation r : report.guests()) {
            if (r.verdict().equals("saturated")) {
                console.warn(r.vmid() + " " + r.name() + " is saturated: " + String.join("; ", r.notes()));
            }
        }
    }
}
