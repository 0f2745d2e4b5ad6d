package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.plugin.resources.infra.StorageFlags;
import dev.proxmoxmpc.plugin.resources.infra.StorageSpec;
import dev.proxmoxmpc.plugin.resources.state.Known;
import dev.proxmoxmpc.plugin.resources.view.InfraResult;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code create storage --name S --type dir|nfs|lvmthin ...}: a cluster-wide storage definition. */
@Extension
@Command(name = "create storage", description = "Add a storage definition (dir, nfs, lvmthin) to the desired state",
        footer = {"create storage --name backup-nfs --type nfs --server 10.0.0.20 --export /srv/backup --content backup",
            "create storage --name fast --type lvmthin --vgname pve --thinpool fast",
            "create storage --name isos --type dir --path /srv/iso --content iso,vztmpl"})
@AssistantTool(Safety.DESIRED_STATE)
public class CreateStorageCommand extends ResourceCommand implements ConsoleCommand {
    @Mixin
    StorageFlags options = new StorageFlags();

    @Override
    public CommandResult execute(KernelContext ctx) {
        Known known = known(ctx);
        Storage s = StorageSpec.build(options, known.storages().keySet(), known.nodeNames());
        List<String> files = Persist.desired(ctx, known.desired().withStorage(s), "create storage", "storage/" + s.id());
        new InfraResult("storage", s.id(), s.type(), s.config(), files).render(ctx.console(), json(ctx));
        return CommandResult.ok();
    }
}
