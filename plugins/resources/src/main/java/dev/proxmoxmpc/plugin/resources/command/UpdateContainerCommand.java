package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.check.StateChecks;
import dev.proxmoxmpc.plugin.resources.ct.CtOptions;
import dev.proxmoxmpc.plugin.resources.ct.CtSettings;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pf4j.Extension;

/** {@code update container <id|name> [options]}: changes a container in the desired state. */
@Extension
public class UpdateContainerCommand extends ResourceCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "update container";
    }

    @Override
    public List<String> aliases() {
        return List.of("update ct");
    }

    @Override
    public String summary() {
        return "Change a container in the desired state (applied by /apply)";
    }

    @Override
    public String usage() {
        return "update container <vmid|hostname> [--hostname N] [--cores C] [--memory MiB] [--swap MiB] [--rootfs GiB]"
                + " [--mp /PATH=STORAGE:GiB]... [--features nesting=1] [--net net0=bridge=vmbr0,ip=CIDR,gw=IP]... [--password-env VAR]"
                + " [--nameserver IP] [--searchdomain D] [--onboot[=0]] [--protection[=0]] [--start[=0]] [--pool P] [--tags a,b] [--description D]";
    }

    @Override
    public List<String> examples() {
        return List.of("update container dns-01 --memory 1024 --mp /srv=local-lvm:20", "update container 200 --rootfs 16G");
    }

    @Override
    Set<String> valueFlags() {
        return CtOptions.VALUE_FLAGS;
    }

    @Override
    Set<String> booleanFlags() {
        return CtOptions.BOOLEAN_FLAGS;
    }

    @Override
    GuestKind positionalKind() {
        return GuestKind.CONTAINER;
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = parse(args);
        String target = a.positional(0, "the container (VMID or hostname); usage: update container <vmid|hostname> [options]");
        for (String f : List.of("--ostemplate", "--vmid", "--ssh-keys", "--storage")) {
            if (a.has(f)) {
                throw new UsageException(f + " applies to create container only");
            }
        }
        if (a.has("--unprivileged")) {
            throw new UsageException("--unprivileged cannot change on an existing container; create a new one");
        }
        if (a.has("--node")) {
            throw new UsageException("--node: moving a container is migrate container " + target + " --to-node NODE");
        }
        CtOptions o = CtOptions.parse(a);
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
        return Changes.store(ctx, a, "update", before, after, known);
    }
}
