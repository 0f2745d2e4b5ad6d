package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A network interface {@code netN}: QEMU {@code virtio=BC:24:11:00:00:01,bridge=vmbr0,tag=10,firewall=1}, LXC
 * {@code name=eth0,bridge=vmbr0,hwaddr=..,ip=dhcp,type=veth}. Kept verbatim; the accessors read it.
 *
 * @param slot the config key ({@code net0})
 * @param spec the parsed property string
 */
@API(status = STABLE, since = "1.0")
public record Nic(String slot, PropertyString spec) {
    /** Config keys that hold NICs. */
    public static final Pattern SLOT = Pattern.compile("net\\d+");
    /** QEMU NIC models that carry the MAC address as their value. */
    public static final Set<String> QEMU_MODELS = Set.of("e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em",
            "e1000e", "i82551", "i82557b", "i82559er", "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "virtio", "vmxnet3");

    public Nic {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(spec, "spec");
    }

    /** @return the index of the slot ({@code net1} gives 1). */
    public int index() {
        return Integer.parseInt(slot.substring(3));
    }

    /** @return the QEMU model ({@code virtio}), or {@code ""} for containers. */
    public String model() {
        for (PropertyString.Entry e : spec.entries()) {
            if (QEMU_MODELS.contains(e.key())) {
                return e.key();
            }
        }
        return spec.getOrEmpty("model");
    }

    /** @return the MAC address (QEMU model value, {@code macaddr}, or LXC {@code hwaddr}), or {@code ""}. */
    public String mac() {
        String model = model();
        if (!model.isEmpty() && spec.get(model).isPresent()) {
            return spec.getOrEmpty(model);
        }
        return spec.get("macaddr").or(() -> spec.get("hwaddr")).orElse("");
    }

    public String bridge() {
        return spec.getOrEmpty("bridge");
    }

    /** @return the VLAN tag, or {@code ""}. */
    public String tag() {
        return spec.getOrEmpty("tag");
    }

    public boolean firewall() {
        return spec.flag("firewall");
    }

    /** @return the LXC interface name ({@code eth0}), or {@code ""}. */
    public String name() {
        return spec.getOrEmpty("name");
    }

    /** @return the LXC IPv4 setting ({@code dhcp}, {@code 10.0.0.5/24}), or {@code ""}. */
    public String ip() {
        return spec.getOrEmpty("ip");
    }

    /** @return the LXC IPv4 gateway, or {@code ""}. */
    public String gateway() {
        return spec.getOrEmpty("gw");
    }

    /** @return a copy with one option set ({@code ""} removes it). */
    public Nic with(String key, String value) {
        return new Nic(slot, spec.with(key, value));
    }
}
