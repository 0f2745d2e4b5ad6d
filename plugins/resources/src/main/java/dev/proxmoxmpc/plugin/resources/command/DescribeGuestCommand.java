package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.state.Freshness;
import dev.proxmoxmpc.plugin.resources.state.GuestLookup;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.state.Pending;
import dev.proxmoxmpc.plugin.resources.view.FieldDiff;
import dev.proxmoxmpc.plugin.resources.view.GuestDescription;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code describe vm|container <id|name> [--json] [--refresh]}: one guest's desired config beside the server's. */
@AssistantTool(Safety.READ)
abstract class DescribeGuestCommand extends ResourceCommand {
    @Parameters(paramLabel = "<vmid|name>", completionCandidates = Completion.Guests.class, description = "the guest")
    String target;
    @Option(names = "--refresh", description = "read the server first")
    boolean refresh;
    private final GuestKind kind;
    private final String word;

    DescribeGuestCommand(GuestKind kind) {
        this.kind = kind;
        this.word = kind == GuestKind.VM ? "vm" : "container";
    }

    @Override
    public Optional<CommandSpec> declaration() {
        String name = "describe " + word;
        String who = kind == GuestKind.VM ? "web-01" : "dns-01";
        return Optional.of(twin(this, name, List.of(), "Show a " + word + "'s desired config beside the server's, from the local state",
                name + " " + who, name + " " + (kind == GuestKind.VM ? "101" : "200") + " --json", name + " " + who + " --refresh"));
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        boolean refreshed = refresh;
        if (refreshed) {
            Refresh.observed(ctx);
        }
        // By VMID or name through the store's indexes; the whole state is loaded only to word a miss or an ambiguity.
        Guest d = null;
        Guest o;
        GuestLookup.Found desired = GuestLookup.find(ctx.state(), StateKind.DESIRED, kind, target);
        if (desired instanceof GuestLookup.One one) {
            d = one.guest();
            o = ctx.state().guest(StateKind.OBSERVED, d.vmid()).filter(g -> g.kind() == kind).orElse(null);
        } else if (desired instanceof GuestLookup.None
                && GuestLookup.find(ctx.state(), StateKind.OBSERVED, kind, target) instanceof GuestLookup.One one) {
            o = one.guest();
        } else {
            Known known = known(ctx);
            try {
                d = known.desiredGuest(kind, target);
            } catch (CommandException notDesired) {
                d = null;
            }
            o = d != null ? known.observed().guest(d.vmid()).filter(g -> g.kind() == kind).orElse(null)
                    : Known.resolve(known.observed().guests(), kind, target, "in the desired state or on the server");
        }
        Guest shown = d != null ? d : o;
        List<FieldDiff> diffs = d != null && o != null ? Pending.differences(o, d) : List.of();
        String desiredStatus = d == null ? "-" : d.template() ? "template" : d.status().pve();
        String serverStatus = o == null ? "-" : o.template() ? "template" : o.status().pve();
        String fresh = Freshness.line(Freshness.lastSync(ctx.state()), ctx.clock().instant(), refreshed);
        new GuestDescription(word, shown.vmid(), shown.name(), shown.node(), shown.pool(), desiredStatus, serverStatus,
                Pending.of(d, o), shown.config(), diffs, o == null ? List.of() : o.runtime().ipAddresses(),
                o == null ? 0 : o.runtime().uptimeSeconds(), o == null ? "" : o.runtime().lock(), fresh)
                .render(ctx.console(), json(ctx));
        return CommandResult.ok();
    }
}
