package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.view.FieldDiff;
import dev.proxmoxmpc.plugin.resources.view.GuestResult;
import dev.proxmoxmpc.plugin.resources.view.GuestView;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Shared shape of the resource commands: they need a project, read their options from their declared (picocli)
 * fields and mixins ({@code VmFlags}, {@code CtFlags}, ...), and complete from local state ({@code Completion}).
 */
abstract class ResourceCommand implements ConsoleCommand {
    @Override
    public boolean requiresProject() {
        return true;
    }

    /**
     * The declaration of one of a vm/container twin: this class's options under a name and texts that differ only
     * in the kind's word; the two registered classes only pass the kind.
     */
    static CommandSpec twin(ResourceCommand command, String name, List<String> aliases, String summary,
                            String... examples) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        spec.name(name).aliases(aliases.toArray(String[]::new));
        spec.usageMessage().description(summary).footer(examples);
        return spec;
    }

    static boolean json(KernelContext ctx) {
        return ctx.console().jsonRequested();
    }

    /** Stores {@code next} (with {@code after} the changed guest, or null after a delete) and prints the result. */
    static CommandResult finish(KernelContext ctx, String action, Guest before, Guest after, Inventory next,
                                List<String> notes, List<String> warnings) {
        Guest g = after != null ? after : before;
        String kind = GuestResult.kindOf(g);
        List<String> files = Persist.desired(ctx, next, action + " " + kind, kind + "/" + g.vmid());
        List<FieldDiff> changes = FieldDiff.between(before == null ? java.util.Map.of() : GuestResult.fields(before),
                after == null ? java.util.Map.of() : GuestResult.fields(after));
        GuestResult r = new GuestResult(action, kind, g.vmid(), g.name(), g.node(), g.pool(),
                g.template() ? "template" : g.status().pve(), after == null ? java.util.Map.of() : after.config(), changes, notes, warnings, files);
        GuestView.render(ctx.console(), r, json(ctx));
        return CommandResult.ok();
    }

    static Known known(KernelContext ctx) {
        return Known.load(ctx.state());
    }
}
