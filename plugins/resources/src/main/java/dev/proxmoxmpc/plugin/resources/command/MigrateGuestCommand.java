package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.Args;
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
import java.util.Set;

/**
 * {@code migrate vm|container <id|name> --to-node N}: moves a guest to another node in the desired state, after
 * checking that the node exists and has the guest's storages and bridges.
 */
abstract class MigrateGuestCommand extends ResourceCommand {
    private final GuestKind kind;
    private final String word;

    MigrateGuestCommand(GuestKind kind) {
        this.kind = kind;
        this.word = kind == GuestKind.VM ? "vm" : "container";
    }

    @Override
    public String name() {
        return "migrate " + word;
    }

    @Override
    public String summary() {
        return "Move a " + word + " to another node in the desired state (migrated by /apply)";
    }

    @Override
    public String usage() {
        return "migrate " + word + " <vmid|name> --to-node NODE";
    }

    @Override
    public List<String> examples() {
        return List.of("migrate " + word + " web-01 --to-node pve2");
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("--to-node");
    }

    @Override
    Set<String> booleanFlags() {
        return Set.of("--json");
    }

    @Override
    GuestKind positionalKind() {
        return kind;
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = parse(args);
        String target = a.positional(0, "the " + word + " (VMID or name); usage: " + usage());
        String to = a.value("--to-node").orElseThrow(() -> new UsageException("missing --to-node NODE"));
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
        return Changes.store(ctx, a, "migrate", before, before.withNode(to), known);
    }
}
