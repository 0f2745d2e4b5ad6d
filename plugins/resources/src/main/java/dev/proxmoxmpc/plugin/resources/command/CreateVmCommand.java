package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.vm.VmFlags;
import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.check.Volumes;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.vmid.VmidAllocator;
import dev.proxmoxmpc.plugin.resources.vm.NewVm;
import dev.proxmoxmpc.plugin.resources.vm.VmOptions;
import dev.proxmoxmpc.plugin.resources.vm.VmSettings;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code create vm --name N [...]}: adds a VM to the desired state (from scratch, from an ISO, or as a clone of a
 * template) and regenerates the files. The server is only asked for a free VMID and whether the {@code --iso} is on
 * its storage ({@link Volumes}).
 */
@Extension
@Command(name = "create vm", description = "Add a VM to the desired state (created on the server by /apply)",
        footer = {"create vm --name web-01 --cores 4 --memory 8192 --template ubuntu-2404 --ip dhcp --ssh-keys ~/.ssh/id_ed25519.pub",
            "create vm --name db-01 --cores 8 --memory 16384 --storage local-lvm --disk 64G --disk scsi1=local-lvm:200,ssd=1,iothread=1",
            "create vm --name inst-01 --iso local:iso/debian-12.8.0-amd64-netinst.iso --net bridge=vmbr0,tag=10 --onboot"})
@AssistantTool(Safety.DESIRED_STATE)
public class CreateVmCommand extends ResourceCommand implements ConsoleCommand {
    @Mixin
    VmFlags options = new VmFlags();
    /** The VMID a draft carries until every check passed and the real one is allocated. */
    static final int DRAFT_VMID = 100;

    @Override
    public CommandResult execute(KernelContext ctx) {
        VmOptions o = VmOptions.parse(options);
        String name = o.name().orElseThrow(() -> new UsageException("missing --name (the VM's name, like web-01)"));
        if (o.protection().isPresent()) {
            throw new UsageException("--protection is set with update vm once the VM exists");
        }
        Known known = known(ctx);
        StateChecks checks = new StateChecks(known);
        checks.uniqueName(name, -1);
        Optional<Guest> template = o.template().map(checks::template);
        if (o.fullClone() && template.isEmpty()) {
            throw new UsageException("--full-clone needs --template");
        }
        if (template.isPresent() && o.iso().isPresent()) {
            throw new UsageException("--iso and --template exclude each other: a clone boots the template's disk");
        }
        String node = template.isPresent() && o.node().isEmpty() ? checks.node("--template", template.get().node())
                : checks.defaultNode(o.node(), ctx.config().environment().node());
        o.pool().ifPresent(p -> checks.pool("--pool", p));
        int cpus = known.node(node).map(Node::maxCpu).orElse(0);
        VmSettings settings = new VmSettings(checks, ctx.workspace(), node);
        VirtualMachine draft = template.isPresent()
                ? NewVm.fromTemplate(DRAFT_VMID, node, template.get(), o, settings, checks, cpus)
                : NewVm.fresh(DRAFT_VMID, node, o, settings, cpus);
        o.iso().ifPresent(iso -> new Volumes(ctx).require(iso, "iso", node));
        VmidAllocator.Allocation id = VmidAllocator.allocate(ctx, known, o.vmid());
        VirtualMachine vm = new VirtualMachine(id.vmid(), draft.node(), draft.pool(), draft.status(), draft.config(), draft.runtime());
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!id.note().isEmpty()) {
            warnings.add(id.note());
        }
        template.ifPresent(t -> notes.add("clone of template " + t.name() + " (" + t.vmid() + "), "
                + (vm.value(NewVm.FULL_CLONE).equals("1") ? "full copy" : "linked clone")));
        return finish(ctx, "create", null, vm, known.desired().withGuest(vm), notes, warnings);
    }
}
