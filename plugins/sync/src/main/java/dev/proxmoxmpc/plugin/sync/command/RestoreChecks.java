package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.util.List;
import java.util.Optional;

/**
 * Everything a restore needs that can be checked before the guest is stopped: the node is there and up, the target
 * storage exists, the archive exists on its storage. A restore that cannot work then changes nothing.
 */
final class RestoreChecks {
    private RestoreChecks() {}

    static void check(ProviderSession session, Inventory observed, String node, String archive, Optional<String> storage) {
        Optional<Node> n = observed.nodes().stream().filter(x -> x.name().equals(node)).findFirst();
        if (n.isEmpty()) {
            throw new UsageException("no node '" + node + "' in the cluster; nothing was changed");
        }
        if (!n.get().online()) {
            throw new CommandException("node " + node + " is " + n.get().status() + "; nothing was stopped or changed");
        }
        storage.ifPresent(s -> {
            if (observed.storages().stream().noneMatch(x -> x.id().equals(s))) {
                throw new UsageException("no storage '" + s + "' in the cluster; nothing was stopped or changed");
            }
        });
        String store = archive.substring(0, archive.indexOf(':'));
        List<Volume> backups;
        try {
            backups = session.volumes(node, store, "backup", ReadPolicy.LIVE);
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.INVALID) {
                return; // this provider cannot list storage content: the server checks it
            }
            throw new CommandException("cannot check that " + archive + " exists: " + e.getMessage()
                    + "; nothing was stopped or changed", e);
        }
        if (backups.stream().noneMatch(v -> v.volid().equals(archive))) {
            throw new CommandException("backup " + archive + " does not exist on storage " + store + " (node " + node
                    + "); nothing was stopped or changed; Tab after /restore lists the backups there are");
        }
    }
}
