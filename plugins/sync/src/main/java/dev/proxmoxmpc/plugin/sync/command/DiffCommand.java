package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.plugin.sync.render.DiffText;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code /diff [name|vmid]}: desired vs the server, field by field (stored server state unless {@code --refresh}). */
@Extension
@Command(name = "diff", description = "Field-by-field differences between the desired state and the server",
        footer = {"diff", "diff web-01", "diff 101 --offline", "diff --json"})
@AssistantTool(Safety.READ)
public class DiffCommand implements ConsoleCommand {
    @Parameters(paramLabel = "name|vmid", arity = "0..1", completionCandidates = Completions.Guests.class,
            description = "only this guest")
    private String who;
    @Option(names = "--offline", description = "compare with the server state stored by the last /sync, not the server")
    private boolean offline;
    @Option(names = "--refresh", description = "read the server (the default; kept for older scripts)")
    private boolean refresh;

    /** One guest's differences (before = server, after = desired). */
    public record GuestDiff(String resource, String state, List<FieldChange> fields) {}

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (offline && refresh) {
            throw new UsageException("--offline and --refresh exclude each other");
        }
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        Inventory observed = ctx.state().load(StateKind.OBSERVED);
        if (!offline) {
            try (ProviderSession s = ctx.connect()) {
                observed = Discovery.discover(ctx, s);
            }
            ctx.state().save(StateKind.OBSERVED, observed);
        }
        List<GuestDiff> diffs = diff(desired, observed);
        if (who != null) {
            List<Integer> ids = GuestNames.resolve(who, desired, observed);
            if (ids.isEmpty()) {
                throw new UsageException("no guest named or numbered '" + who + "' in the local state"
                        + GuestNames.suggestion(who, desired, observed));
            }
            diffs = diffs.stream().filter(d -> ids.stream().anyMatch(id -> d.resource().matches("\\w+/" + id + "( .*)?"))).toList();
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(diffs);
        } else {
            ctx.console().info(offline ? "Compared with the server state stored by the last /sync (--offline)."
                    : "Compared with the server, read just now.");
            render(ctx.console(), diffs);
        }
        return CommandResult.ok();
    }

    static List<GuestDiff> diff(Inventory desired, Inventory observed) {
        TreeSet<Integer> ids = new TreeSet<>();
        desired.guests().forEach(g -> ids.add(g.vmid()));
        observed.guests().forEach(g -> ids.add(g.vmid()));
        List<GuestDiff> out = new ArrayList<>();
        for (int id : ids) {
            Guest d = desired.guest(id).orElse(null);
            Guest o = observed.guest(id).orElse(null);
            Map<String, String> before = o == null ? Map.of() : Fields.of(o);
            Map<String, String> after = d == null ? Map.of() : Fields.of(d);
            List<FieldChange> fields = Fields.diff(before, after);
            if (!fields.isEmpty()) {
                String state = o == null ? "only in desired" : d == null ? "only on the server" : "differs";
                out.add(new GuestDiff(ThreeWayMerge.label(d != null ? d : o), state, fields));
            }
        }
        return out;
    }

    static void render(Console out, List<GuestDiff> diffs) {
        if (diffs.isEmpty()) {
            out.success("No differences: the desired state matches the server.");
            return;
        }
        for (GuestDiff d : diffs) {
            out.println(out.style(Style.BOLD, d.resource()) + out.style(Style.DIM, "  (" + d.state() + "; server -> desired)"));
            d.fields().forEach(f -> out.println("    " + DiffText.line(out, f)));
        }
    }
}
