package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.view.FieldDiff;
import dev.proxmoxmpc.plugin.resources.view.GuestResult;
import dev.proxmoxmpc.plugin.resources.view.GuestView;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Set;

/** Shared shape of the resource commands: they need a project, parse with {@link Args}, complete from local state. */
abstract class ResourceCommand implements ConsoleCommand {

    @Override
    public boolean requiresProject() {
        return true;
    }

    /** @return the flags that take a value. */
    abstract Set<String> valueFlags();

    /** @return the flags that take none. */
    abstract Set<String> booleanFlags();

    /** @return the guest kind positional arguments name, or null when the command takes no guest. */
    GuestKind positionalKind() {
        return null;
    }

    Args parse(List<String> args) {
        return Args.parse(args, valueFlags(), booleanFlags());
    }

    static boolean json(KernelContext ctx, Args a) {
        return ctx.console().jsonRequested() || a.flag("--json");
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return Completion.candidates(ctx, words, valueFlags(), booleanFlags(), positionalKind());
    }

    /** Stores {@code next} (with {@code after} the changed guest, or null after a delete) and prints the result. */
    static CommandResult finish(KernelContext ctx, Args a, String action, Guest before, Guest after, Inventory next,
                                List<String> notes, List<String> warnings) {
        Guest g = after != null ? after : before;
        String kind = GuestResult.kindOf(g);
        List<String> files = Persist.desired(ctx, next, action + " " + kind, kind + "/" + g.vmid());
        List<FieldDiff> changes = FieldDiff.between(before == null ? java.util.Map.of() : GuestResult.fields(before),
                after == null ? java.util.Map.of() : GuestResult.fields(after));
        GuestResult r = new GuestResult(action, kind, g.vmid(), g.name(), g.node(), g.pool(),
                g.template() ? "template" : g.status().pve(), after == null ? java.util.Map.of() : after.config(), changes, notes, warnings, files);
        GuestView.render(ctx.console(), r, json(ctx, a));
        return CommandResult.ok();
    }

    static Known known(KernelContext ctx) {
        return Known.load(ctx.state());
    }
}
