package dev.proxmoxmpc.plugin.docs.facts;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses a guest is configured with: a VM's cloud-init {@code ipconfigN} ({@code ip=10.0.0.101/24}), a
 * container's {@code netN ip=}. {@code dhcp} and unset addresses are left out; addresses the guest agent reported
 * (observed only) follow.
 */
public final class Addresses {
    private Addresses() {
    }

    /** @return the addresses in NIC order, each once ({@code 10.0.0.101/24}). */
    public static List<String> of(Guest g) {
        Set<String> out = new LinkedHashSet<>();
        for (Nic nic : g.nics()) {
            String ip;
            String ip6;
            if (g.kind() == GuestKind.VM) {
                PropertyString cfg = PropertyString.parse(g.value("ipconfig" + nic.index()));
                ip = cfg.getOrEmpty("ip");
                ip6 = cfg.getOrEmpty("ip6");
            } else {
                ip = nic.ip();
                ip6 = nic.spec().getOrEmpty("ip6");
            }
            add(out, ip);
            add(out, ip6);
        }
        out.addAll(g.runtime().ipAddresses());
        return new ArrayList<>(out);
    }

    private static void add(Set<String> out, String ip) {
        if (!ip.isBlank() && !ip.equals("dhcp") && !ip.equals("auto") && !ip.equals("manual")) {
            out.add(ip.trim());
        }
    }
}
