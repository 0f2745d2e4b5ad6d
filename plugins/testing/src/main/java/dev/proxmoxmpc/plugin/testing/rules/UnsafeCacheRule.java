package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** No disk uses {@code cache=unsafe}. */
@Extension
public class UnsafeCacheRule extends Rule {
    public UnsafeCacheRule() {
        super("disk-cache-unsafe", Severity.ERROR,
                "cache=unsafe ignores flushes: a host crash or power loss corrupts the guest's file systems",
                "use the default (no cache) or writeback; keep unsafe for throw-away guests only and lower this rule in policies.yml for them");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        List<Diagnostic> out = new ArrayList<>();
        for (Guest g : desired.guests()) {
            for (Disk d : g.disks()) {
                if (d.cache().equals("unsafe")) {
                    out.add(finding(g, d.slot() + " uses cache=unsafe"));
                }
            }
        }
        return out;
    }
}
