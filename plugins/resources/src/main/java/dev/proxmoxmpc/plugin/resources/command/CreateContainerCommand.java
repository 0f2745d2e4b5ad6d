package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.ct.CtFlags;
import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.check.Volumes;
import dev.proxmoxmpc.plugin.resources.ct.CtOptions;
import dev.proxmoxmpc.plugin.resources.ct.CtSettings;
import dev.proxmoxmpc.plugin.resources.ct.NewContainer;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.vmid.VmidAllocator;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Container;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code create container --hostname N --ostemplate S:vztmpl/F [...]}: adds an LXC container to the desired state. The
 * server is only asked for a free VMID and whether the template is on its storage ({@link Volumes}).
 */
@Extension
@Command(name = "create container", aliases = "create ct",
        description = "Add an LXC container to the desired state (created on the server by /apply)",
        footer = {"create container --hostname dns-01 --ostemplate local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"
                + " --unprivileged --features nesting=1 --net name=eth0,bridge=vmbr0,ip=10.0.0.53/24,gw=10.0.0.1 --password-env DNS_ROOT_PW"})
@AssistantTool(Safety.DESIRED_STATE)
public class CreateContainerCommand extends ResourceCommand implements ConsoleCommand {
    @Mixin
    CtFlags options = new CtFlags();

    @Override
    public CommandResult execute(KernelContext ctx) {
        CtOptions o = CtOptions.parse(options);
        String hostname = o.hostname().orElseThrow(() -> new UsageException("missing --hostname (like dns-01)"));
        if (o.protection().isPresent()) {
            throw new UsageException("--protection is set with update container once the container exists");
        }
        Known known = known(ctx);
        StateChecks checks = new StateChecks(known);
        checks.uniqueName(hostname, -1);
        String node = checks.defaultNode(o.node(), ctx.config().environment().node());
        o.pool().ifPresent(p -> checks.pool("--pool", p));
        CtSettings settings = new CtSettings(checks, ctx.workspace(), node);
        Container draft = NewContainer.create(CreateVmCommand.DRAFT_VMID, node, o, settings, checks);
        new Volumes(ctx).require(draft.config().get("ostemplate"), "vztmpl", node);
        VmidAllocator.Allocation id = VmidAllocator.allocate(ctx, known, o.vmid());
        Container ct = new Container(id.vmid(), draft.node(), draft.pool(), draft.status(), draft.config(), draft.runtime());
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!id.note().isEmpty()) {
            warnings.add(id.note());
        }
        o.passwordEnv().filter(v -> System.getenv(v) == null).ifPresent(v -> {
            String note = "environment variable " + v + " is not set now; /apply needs it for the root password";
            warnings.add(note);
        });
        return finish(ctx, "create", null, ct, known.desired().withGuest(ct), notes, warnings);
    }
}
