package dev.proxmoxmpc.plugin.monitoring.generate;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.Optional;

/** A guest's address for scraping: the guest agent's first, else a static {@code ipconfig0} or LXC {@code net0} IP. */
final class GuestAddress {
    private GuestAddress() {
    }

    static Optional<String> of(Guest guest) {
        if (!guest.runtime().ipAddresses().isEmpty()) {
            return Optional.of(guest.runtime().ipAddresses().get(0));
        }
        String ip = guest instanceof VirtualMachine
                ? PropertyString.parse(guest.value("ipconfig0")).getOrEmpty("ip")
                : guest.nics().stream().findFirst().map(n -> n.ip()).orElse("");
        if (ip.isEmpty() || ip.equals("dhcp") || ip.equals("manual") || ip.equals("auto")) {
            return Optional.empty();
        }
        int slash = ip.indexOf('/');
        return Optional.of(slash < 0 ? ip : ip.substring(0, slash));
    }
}
