package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.ct.CtFlags;
import dev.proxmoxmpc.plugin.resources.complete.Completion;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.ct.CtOptions;
import dev.proxmoxmpc.plugin.resources.ct.CtSettings;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code update container <id|name> [options]}: changes a container in the desired state. */
@Extension
@Command(name = "update container", aliases = "update ct", description = "Change a container in the desired state (applied by /apply)",
        footer = {"update container dns-01 --memory 1024 --mp /srv=local-lvm:20", "update container 200 --rootfs 16G"})
@AssistantTool(Safety.DESIRED_STATE)
public class UpdateContainerCommand extends ResourceCommand implements ConsoleCommand {
    @Parameters(paramLabel = "<vmid|hostname>", completionCandidates = Completion.Guests.class, description = "the container")
    String target;
    @Mixin
    CtFlags options = new CtFlags();

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (!options.createOnly().isEmpty()) {
            throw new UsageException(options.createOnly().get(0) + " applies to create container only");
        }
        if (options.unprivileged()) {
            throw new UsageException("--unprivileged cannot change on an existing container; create a new one");
        }
        if (options.node()) {
            throw new UsageException("--node: moving a container is migrate container " + target + " --to-node NODE");
        }
        CtOptions o = CtOptions.parse(options);
        Known known = known(ctx);
        StateChecks checks = new StateChecks(known);
        Guest before = known.desiredGuest(GuestKind.CONTAINER, target);
        o.hostname().ifPresent(n -> checks.uniqueName(n, before.vmid()));
        Map<String, String> cfg = new TreeMap<>(before.config());
        if (o.rootfs().isPresent() && !cfg.containsKey("rootfs")) {
            throw new UsageException("--rootfs: the container has no root file system in the desired state");
        }
        new CtSettings(checks, ctx.workspace(), before.node()).apply(cfg, o);
        Guest after = before.withConfig(cfg);
        if (o.pool().isPresent()) {
            after = after.withPool(o.pool().get().isEmpty() ? "" : checks.pool("--pool", o.pool().get()));
        }
        if (o.start().isPresent()) {
            after = after.withStatus(o.start().get() ? PowerState.RUNNING : PowerState.STOPPED);
        }
        return Changes.store(ctx, "update", before, after, known);
    }
}
