package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migrate vm|container <id|name> --to-node N}: moves a guest to another node in the desired state, after
 * checking that the node exists and has the guest's storages and bridges.
 */
@AssistantTool(Safety.DESIRED_STATE)
abstract class MigrateGuestCommand extends ResourceCommand {
    @Parameters(paramLabel = "<vmid|name>", completionCandidates = Completion.Guests.class, description = "the guest")
    String target;
    @Option(names = "--to-node", paramLabel = "NODE", required = true, completionCandidates = Completion.Values.class,
            description = "the node to move it to")
    String toNode;
    private final GuestKind kind;
    private final String word;

    MigrateGuestCommand(GuestKind kind) {
        this.kind = kind;
        this.word = kind == GuestKind.VM ? "vm" : "container";
    }

    @Override
    public Optional<CommandSpec> declaration() {
        return Optional.of(twin(this, "migrate " + word, List.of(),
                "Move a " + word + " to another node in the desired state (migrated by /apply)",
                "migrate " + word + " web-01 --to-node pve2"));
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        String to = toNode;
        Known known = known(ctx);
        StateChecks checks = new StateChecks(known);
        Guest before = known.desiredGuest(kind, target);
        checks.node("--to-node", to);
        if (before.node().equals(to)) {
            throw new CommandException(word + " " + before.vmid() + " is already on " + to + " in the desired state");
        }
        for (Disk d : before.disks()) {
            Storage s = known.storages().get(d.storage());
            if (s != null && !d.cdrom() && !s.availableOn(to)) {
                throw new CommandException(d.slot() + " is on storage " + s.id() + ", which node " + to + " does not have");
            }
        }
        for (Nic n : before.nics()) {
            if (!n.bridge().isEmpty()) {
                checks.bridge(n.slot() + " bridge", n.bridge(), to);
            }
        }
        return Changes.store(ctx, "migrate", before, before.withNode(to), known);
    }
}
