package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.pf4j.Extension;

/** Proxmox VE accepts VMIDs from 100 to 999999999 only. */
@Extension
public class VmidRangePolicy implements Policy {
    static final int MIN = 100;
    static final int MAX = 999_999_999;

    @Override
    public String id() {
        return "vmid-range";
    }

    @Override
    public String why() {
        return "Proxmox VE accepts VMIDs from 100 to 999999999 only";
    }

    @Override
    public String fix() {
        return "choose a VMID in that range";
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        return desired.guests().stream().filter(g -> g.vmid() < MIN || g.vmid() > MAX)
                .map(g -> Diagnostic.error("VMID " + g.vmid() + " is outside " + MIN + ".." + MAX, Rule.source(g)))
                .toList();
    }
}
