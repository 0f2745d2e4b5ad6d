package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.vmid.VmidAllocator;
import dev.proxmoxmpc.plugin.resources.vm.NewVm;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clone vm <src> --name N [--full]}: adds a copy of a VM or template to the desired state
 * ({@code mpc.clone-from}); a linked clone needs a template, any other source is copied in full.
 */
@Extension
@Command(name = "clone vm", description = "Add a clone of a VM or template to the desired state (cloned by /apply)",
        footer = {"clone vm web-01 --name web-02", "clone vm ubuntu-2404 --name build-01 --full --storage local-lvm"})
@AssistantTool(Safety.DESIRED_STATE)
public class CloneVmCommand extends ResourceCommand implements ConsoleCommand {
    @Parameters(paramLabel = "<vmid|name>", completionCandidates = Completion.Guests.class, description = "the VM or template to clone")
    String target;
    @Option(names = "--name", paramLabel = "N", description = "the clone's name")
    String name;
    @Option(names = "--full", description = "a full copy, not a linked clone")
    boolean full;
    @Option(names = "--storage", paramLabel = "S", completionCandidates = Completion.Values.class, description = "the copy's storage (full)")
    String storage;
    @Option(names = "--node", paramLabel = "N", completionCandidates = Completion.Values.class, description = "the node")
    String node;
    @Option(names = "--pool", paramLabel = "P", completionCandidates = Completion.Values.class, description = "resource pool")
    String pool;
    @Option(names = "--vmid", paramLabel = "ID", description = "this VMID")
    String vmid;

    @Override
    public CommandResult execute(KernelContext ctx) {
        String source = target;
        if (this.name == null) {
            throw new UsageException("missing --name for the clone");
        }
        String name = Values.dnsName("--name", this.name);
        java.util.Optional<Integer> vmid = java.util.Optional.ofNullable(this.vmid).map(v -> Values.vmid("--vmid", v));
        Known known = known(ctx);
        StateChecks checks = new StateChecks(known);
        Guest src = known.desiredGuest(GuestKind.VM, source);
        checks.uniqueName(name, -1);
        String node = java.util.Optional.ofNullable(this.node).map(n -> checks.node("--node", n)).orElse(src.node());
        String pool = java.util.Optional.ofNullable(this.pool).map(p -> checks.pool("--pool", p)).orElse("");
        List<String> notes = new ArrayList<>();
        boolean full = this.full || storage != null;
        if (!src.template() && !full) {
            notes.add("full copy: only a template can be cloned linked");
        }
        VirtualMachine vm = NewVm.cloneOf(CreateVmCommand.DRAFT_VMID, node, src, name,
                full, pool);
        if (storage != null) {
            vm = vm.withConfigValue(NewVm.CLONE_STORAGE, checks.storage("--storage", storage, "images", node).id());
        }
        VmidAllocator.Allocation id = VmidAllocator.allocate(ctx, known, vmid);
        List<String> warnings = new ArrayList<>();
        if (!id.note().isEmpty()) {
            warnings.add(id.note());
        }
        VirtualMachine clone = new VirtualMachine(id.vmid(), vm.node(), vm.pool(), vm.status(), vm.config(), vm.runtime());
        return finish(ctx, "clone", null, clone, known.desired().withGuest(clone), notes, warnings);
    }
}
