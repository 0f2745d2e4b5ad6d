package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** Every disk lives on a storage that exists and is available on the guest's node. */
@Extension
public class DiskStoragePolicy implements Policy {
    @Override
    public String id() {
        return "disk-storage-exists";
    }

    @Override
    public String why() {
        return "a disk on a storage that does not exist or is not available on the guest's node cannot be created or started";
    }

    @Override
    public String fix() {
        return "move the disk to a storage the node has (see /list storage), or restrict the guest to a node that has it";
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        List<Diagnostic> out = new ArrayList<>();
        if (desired.storages().isEmpty()) {
            return out;
        }
        for (Guest g : desired.guests()) {
            for (Disk d : g.disks()) {
                String storage = d.storage();
                if (storage.isEmpty() || d.cdrom()) {
                    continue;
                }
                Optional<Storage> s = desired.storages().stream().filter(x -> x.id().equals(storage)).findFirst();
                String where = Rule.source(g);
                if (s.isEmpty()) {
                    out.add(Diagnostic.error(d.slot() + " is on storage '" + storage + "', which does not exist", where));
                } else if (!s.get().availableOn(g.node())) {
                    out.add(Diagnostic.error(d.slot() + " is on storage '" + storage + "', which node " + g.node()
                            + " cannot use (nodes: " + String.join(",", s.get().nodes()) + ")", where));
                }
            }
        }
        return out;
    }
}
