package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** HA-managed guests keep their disks on shared storage (or storage a replication job covers). */
@Extension
public class HaSharedStorageRule extends Rule {
    public HaSharedStorageRule() {
        super("ha-shared-storage", Severity.WARNING,
                "the HA manager restarts a guest on another node only if that node can reach its disks",
                "move the disks to shared storage (Ceph, NFS, iSCSI) or set up storage replication to the other nodes");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        Map<String, Storage> storages = request.desired().storages().stream().collect(Collectors.toMap(Storage::id, Function.identity()));
        List<Diagnostic> out = new ArrayList<>();
        for (Guest g : request.desired().guests()) {
            boolean ha = !g.runtime().haState().isEmpty()
                    || request.observed().guest(g.vmid()).map(o -> !o.runtime().haState().isEmpty()).orElse(false);
            if (!ha) {
                continue;
            }
            List<String> local = g.disks().stream().filter(d -> !d.cdrom() && !d.storage().isEmpty())
                    .map(Disk::storage).filter(s -> storages.containsKey(s) && !storages.get(s).shared()).distinct().toList();
            if (!local.isEmpty()) {
                out.add(finding(g, "is HA-managed but has disks on local storage " + String.join(", ", local)
                        + " (fine only when a replication job covers it)"));
            }
        }
        return out;
    }
}
