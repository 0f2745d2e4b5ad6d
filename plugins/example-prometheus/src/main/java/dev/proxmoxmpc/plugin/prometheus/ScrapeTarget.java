package dev.proxmoxmpc.plugin.prometheus;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Prometheus scrape target: a guest's address and port, with labels.
 *
 * @param address {@code host:port}
 * @param labels  sorted labels ({@code proxmox_node}, {@code proxmox_vmid}, {@code name}, {@code tags})
 */
public record ScrapeTarget(String address, Map<String, String> labels) {
    public ScrapeTarget {
        Objects.requireNonNull(address, "address");
        labels = Map.copyOf(labels);
    }

    /**
     * @return the target for a guest that has an address (guest-agent IP, else static ipconfig0 / LXC net0 ip),
     *     empty for templates and guests without one
     */
    public static Optional<ScrapeTarget> of(Guest guest, int port) {
        if (guest.template()) {
            return Optional.empty();
        }
        return address(guest).map(ip -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("name", guest.name());
            labels.put("proxmox_node", guest.node());
            labels.put("proxmox_vmid", Integer.toString(guest.vmid()));
            labels.put("proxmox_kind", guest.kind().apiType());
            if (!guest.tags().isEmpty()) {
                labels.put("tags", String.join(",", guest.tags()));
            }
            return new ScrapeTarget(ip + ":" + port, labels);
        });
    }

    private static Optional<String> address(Guest guest) {
        if (!guest.runtime().ipAddresses().isEmpty()) {
            return Optional.of(guest.runtime().ipAddresses().get(0));
        }
        String ip = guest instanceof VirtualMachine
                ? PropertyString.parse(guest.value("ipconfig0")).getOrEmpty("ip")
                : guest.nics().stream().findFirst().map(n -> n.ip()).orElse("");
        if (ip.isEmpty() || ip.equals("dhcp") || ip.equals("manual")) {
            return Optional.empty();
        }
        int slash = ip.indexOf('/');
        return Optional.of(slash < 0 ? ip : ip.substring(0, slash));
    }
}
