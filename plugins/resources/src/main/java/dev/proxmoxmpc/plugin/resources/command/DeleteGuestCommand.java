package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.state.Dependents;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/**
 * {@code delete vm|container <id|name>}: removes a guest from the desired state after showing what depends on it and
 * asking (batch mode needs {@code --yes}); /apply then destroys it on the server.
 */
@AssistantTool(Safety.DESIRED_STATE)
abstract class DeleteGuestCommand extends ResourceCommand {
    @Parameters(paramLabel = "<vmid|name>", completionCandidates = Completion.Guests.class, description = "the guest")
    String target;
    private final GuestKind kind;
    private final String word;

    DeleteGuestCommand(GuestKind kind) {
        this.kind = kind;
        this.word = kind == GuestKind.VM ? "vm" : "container";
    }

    @Override
    public Optional<CommandSpec> declaration() {
        return Optional.of(twin(this, "delete " + word, kind == GuestKind.CONTAINER ? List.of("delete ct") : List.of(),
                "Remove a " + word + " from the desired state (destroyed on the server by /apply)",
                "delete " + word + " old-01", "delete " + word + " 105 --yes"));
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        Known known = known(ctx);
        Guest g = known.desiredGuest(kind, target);
        if (g.protection()) {
            throw new CommandException(word + " " + Dependents.label(g) + " is protected; remove the protection first: update "
                    + word + " " + g.vmid() + " --protection=0");
        }
        List<String> deps = Dependents.of(g, known);
        if (!json(ctx)) {
            ctx.console().info("Delete " + word + " " + Dependents.label(g) + " on " + g.node() + (deps.isEmpty() ? "; nothing depends on it."
                    : ":"));
            deps.forEach(d -> ctx.console().info("  - " + d));
        }
        boolean yes = ctx.console().confirm("Remove " + word + " " + Dependents.label(g)
                + " from the desired state (/apply destroys it and its disks)?");
        if (!yes) {
            return CommandResult.failure("not deleted: nothing changed (confirm, or pass --yes in batch mode)");
        }
        return finish(ctx, "delete", g, null, known.desired().withoutGuest(g.vmid()), deps, List.of());
    }
}
