package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The attributes of a VM {@code network_device} block, mapped to a {@code netN} property string. */
final class NicFields {
    private NicFields() {}

    static final Set<String> KNOWN = Set.of("model", "macaddr", "bridge", "tag", "firewall", "mtu", "queues", "rate",
            "trunks", "link_down");

    static Nic opt(Nic n, String key, Object v) {
        return n.with(key, Pve.text(v));
    }

    static Nic flag(Nic n, String key, Object v) {
        return n.with(key, Boolean.TRUE.equals(v) ? "1" : n.spec().get(key).isPresent() ? "0" : "");
    }

    static Object numOrNull(String v) {
        return Pve.num(v);
    }

    static final FieldSet<Nic> FIELDS = new FieldSet<Nic>()
            .always("bridge", "vmbr0", n -> n.bridge().isEmpty() ? null : n.bridge(), (n, v) -> opt(n, "bridge", v))
            .always("model", "virtio", n -> n.model().isEmpty() ? null : n.model(), NicFields::setModel)
            .add("mac_address", null, n -> n.mac().isEmpty() ? null : n.mac(), NicFields::setMac)
            .add("vlan_id", 0, n -> numOrNull(n.tag()), (n, v) -> opt(n, "tag", zeroless(v)))
            .add("firewall", false, Nic::firewall, (n, v) -> flag(n, "firewall", v))
            .add("mtu", 0, n -> numOrNull(n.spec().getOrEmpty("mtu")), (n, v) -> opt(n, "mtu", zeroless(v)))
            .add("queues", 0, n -> numOrNull(n.spec().getOrEmpty("queues")), (n, v) -> opt(n, "queues", zeroless(v)))
            .add("rate_limit", 0, n -> numOrNull(n.spec().getOrEmpty("rate")), (n, v) -> opt(n, "rate", zeroless(v)))
            .add("trunks", null, n -> n.spec().get("trunks").orElse(null), (n, v) -> opt(n, "trunks", v))
            .add("disconnected", false, n -> n.spec().flag("link_down"), (n, v) -> flag(n, "link_down", v));

    private static String zeroless(Object v) {
        String s = Pve.text(v);
        return s.equals("0") ? "" : s;
    }

    private static boolean isModelKey(String key) {
        return Nic.QEMU_MODELS.contains(key);
    }

    private static Nic setModel(Nic n, Object v) {
        String model = Pve.text(v);
        List<PropertyString.Entry> out = new ArrayList<>();
        boolean done = false;
        for (PropertyString.Entry e : n.spec().entries()) {
            if (!done && (isModelKey(e.key()) || e.key().equals("model"))) {
                out.add(isModelKey(e.key()) ? new PropertyString.Entry(model, e.value()) : new PropertyString.Entry("model", model));
                done = true;
            } else {
                out.add(e);
            }
        }
        if (!done) {
            out.add(0, new PropertyString.Entry("model", model));
        }
        return new Nic(n.slot(), new PropertyString(out));
    }

    private static Nic setMac(Nic n, Object v) {
        String mac = Pve.text(v);
        List<PropertyString.Entry> out = new ArrayList<>();
        boolean done = false;
        for (PropertyString.Entry e : n.spec().entries()) {
            if (!done && isModelKey(e.key())) {
                out.add(new PropertyString.Entry(e.key(), mac));
                done = true;
            } else if (!done && e.key().equals("model") && !mac.isEmpty()) {
                out.add(new PropertyString.Entry(e.value(), mac));
                done = true;
            } else {
                out.add(e);
            }
        }
        Nic result = new Nic(n.slot(), new PropertyString(out));
        return done ? result : result.with("macaddr", mac);
    }

    /** @return the options of a NIC the block cannot express. */
    static String unknownOptions(Nic n) {
        StringBuilder sb = new StringBuilder();
        for (PropertyString.Entry e : n.spec().entries()) {
            if (!KNOWN.contains(e.key()) && !isModelKey(e.key())) {
                sb.append(sb.length() == 0 ? "" : ",").append(e.key().isEmpty() ? e.value() : e.key());
            }
        }
        return sb.toString();
    }
}
