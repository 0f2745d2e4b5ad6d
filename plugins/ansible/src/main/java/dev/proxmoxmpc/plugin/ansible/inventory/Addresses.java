package dev.proxmoxmpc.plugin.ansible.inventory;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Picks the address Ansible connects to ({@code ansible_host}). */
public final class Addresses {
    private Addresses() {}

    /**
     * @param guest    the desired guest
     * @param observed the last observed inventory: the guest's addresses as the server reported them (the provider
     *                 lists the addresses of the interface whose MAC is {@code net0}'s first)
     * @return the first usable observed address (IPv4 before IPv6, no loopback or link-local), else the static
     *     address of {@code ipconfig0} (VM) or {@code net0} (container) without its prefix length, else empty
     */
    public static Optional<String> of(Guest guest, Inventory observed) {
        List<String> seen = observed.guest(guest.vmid()).map(o -> o.runtime().ipAddresses())
                .filter(ips -> !ips.isEmpty()).orElse(guest.runtime().ipAddresses());
        Optional<String> v4 = seen.stream().filter(Addresses::usableV4).findFirst();
        if (v4.isPresent()) {
            return v4;
        }
        Optional<String> v6 = seen.stream().filter(Addresses::usableV6).findFirst();
        if (v6.isPresent()) {
            return v6;
        }
        return staticAddress(guest);
    }

    /** @return the static IPv4 (else IPv6) address configured for the first interface, without prefix. */
    public static Optional<String> staticAddress(Guest guest) {
        PropertyString spec = guest instanceof VirtualMachine vm
                ? vm.ipConfigs().getOrDefault(0, PropertyString.EMPTY)
                : guest.nics().stream().filter(n -> n.index() == 0).map(Nic::spec).findFirst().orElse(PropertyString.EMPTY);
        return fixed(spec.getOrEmpty("ip")).or(() -> fixed(spec.getOrEmpty("ip6")));
    }

    private static Optional<String> fixed(String ip) {
        if (ip.isEmpty() || ip.equals("dhcp") || ip.equals("auto") || ip.equals("manual")) {
            return Optional.empty();
        }
        int slash = ip.indexOf('/');
        return Optional.of(slash < 0 ? ip : ip.substring(0, slash));
    }

    private static boolean usableV4(String ip) {
        return ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && !ip.startsWith("127.") && !ip.startsWith("169.254.");
    }

    private static boolean usableV6(String ip) {
        String s = ip.toLowerCase(Locale.ROOT);
        return s.contains(":") && !s.equals("::1") && !s.startsWith("fe80");
    }
}
