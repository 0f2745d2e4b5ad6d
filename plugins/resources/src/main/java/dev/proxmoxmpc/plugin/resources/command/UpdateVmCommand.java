package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.vm.VmFlags;
import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.check.Volumes;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.vm.VmOptions;
import dev.proxmoxmpc.plugin.resources.vm.VmSettings;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code update vm <id|name> [options]}: changes a VM in the desired state (disks grow, NICs keep their MAC). The server
 * is only asked whether an {@code --iso} is on its storage ({@link Volumes}).
 */
@Extension
@Command(name = "update vm", description = "Change a VM in the desired state (applied by /apply)",
        footer = {"update vm web-01 --memory 16384 --tags prod,web", "update vm 101 --disk scsi0=64G --onboot",
            "update vm db-01 --net net0=bridge=vmbr1,tag=20 --protection",
            "update vm web-01 --iso local:iso/ubuntu-24.04.1-live-server-amd64.iso"})
@AssistantTool(Safety.DESIRED_STATE)
public class UpdateVmCommand extends ResourceCommand implements ConsoleCommand {
    @Parameters(paramLabel = "<vmid|name>", completionCandidates = Completion.Guests.class, description = "the VM")
    String target;
    @Mixin
    VmFlags options = new VmFlags();

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (!options.createOnly().isEmpty()) {
            throw new UsageException(options.createOnly().get(0) + " applies to create vm only");
        }
        if (options.node()) {
            throw new UsageException("--node: moving a VM is migrate vm " + target + " --to-node NODE");
        }
        VmOptions o = VmOptions.parse(options);
        Known known = known(ctx);
        StateChecks checks = new StateChecks(known);
        Guest before = known.desiredGuest(GuestKind.VM, target);
        o.name().ifPresent(n -> checks.uniqueName(n, before.vmid()));
        Map<String, String> cfg = new TreeMap<>(before.config());
        VmSettings settings = new VmSettings(checks, ctx.workspace(), before.node());
        settings.apply(cfg, o);
        settings.checkCpus(cfg, known.node(before.node()).map(Node::maxCpu).orElse(0));
        Guest after = before.withConfig(cfg);
        if (o.pool().isPresent()) {
            after = after.withPool(o.pool().get().isEmpty() ? "" : checks.pool("--pool", o.pool().get()));
        }
        if (o.start().isPresent()) {
            if (before.template()) {
                throw new UsageException("--start: a template cannot run");
            }
            after = after.withStatus(o.start().get() ? PowerState.RUNNING : PowerState.STOPPED);
        }
        o.iso().ifPresent(iso -> new Volumes(ctx).require(iso, "iso", before.node()));
        return Changes.store(ctx, "update", before, after, known);
    }
}
