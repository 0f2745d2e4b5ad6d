package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.infra.StorageSpec;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.view.InfraResult;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/** {@code create storage --name S --type dir|nfs|lvmthin ...}: a cluster-wide storage definition. */
@Extension
public class CreateStorageCommand extends ResourceCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "create storage";
    }

    @Override
    public String summary() {
        return "Add a storage definition (dir, nfs, lvmthin) to the desired state";
    }

    @Override
    public String usage() {
        return "create storage --name S --type dir|nfs|lvmthin [--path /P] [--server HOST] [--export /P] [--vgname VG]"
                + " [--thinpool POOL] [--content images,rootdir,...] [--nodes n1,n2] [--shared]";
    }

    @Override
    public List<String> examples() {
        return List.of("create storage --name backup-nfs --type nfs --server 10.0.0.20 --export /srv/backup --content backup",
                "create storage --name fast --type lvmthin --vgname pve --thinpool fast", "create storage --name isos --type dir --path /srv/iso --content iso,vztmpl");
    }

    @Override
    Set<String> valueFlags() {
        return StorageSpec.VALUE_FLAGS;
    }

    @Override
    Set<String> booleanFlags() {
        return StorageSpec.BOOLEAN_FLAGS;
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = parse(args);
        if (!a.positionals().isEmpty()) {
            throw new UsageException("unexpected '" + a.positionals().get(0) + "'; usage: " + usage());
        }
        Known known = known(ctx);
        Storage s = StorageSpec.build(a, known.storages().keySet(), known.nodeNames());
        List<String> files = Persist.desired(ctx, known.desired().withStorage(s), "create storage", "storage/" + s.id());
        new InfraResult("storage", s.id(), s.type(), s.config(), files).render(ctx.console(), json(ctx, a));
        return CommandResult.ok();
    }
}
