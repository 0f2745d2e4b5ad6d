package dev.proxmoxmpc.plugin.resources.vm;

import dev.proxmoxmpc.plugin.resources.check.Values;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One VM {@code --net} value: {@code bridge=vmbr0,tag=10,model=virtio,firewall=1} (optionally {@code net1=...}).
 *
 * @param slot    {@code net1}, or empty for the next free slot
 * @param model   the NIC model ({@code virtio} by default)
 * @param bridge  the bridge, or empty for the node's default
 * @param options the other options ({@code tag}, {@code firewall}, {@code macaddr}, ...), normalised
 */
public record NicArg(Optional<String> slot, String model, Optional<String> bridge, Map<String, String> options) {
    private static final Pattern SLOT = Pattern.compile("net([0-9]|[12][0-9]|3[01])");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");

    public NicArg {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public static NicArg parse(String value) {
        PropertyString spec = PropertyString.parse(value.trim());
        Optional<String> slot = Optional.empty();
        if (!spec.entries().isEmpty() && SLOT.matcher(spec.entries().get(0).key()).matches()) {
            slot = Optional.of(spec.entries().get(0).key());
            spec = PropertyString.parse(value.trim().substring(slot.get().length() + 1));
        }
        String model = "virtio";
        Optional<String> bridge = Optional.empty();
        Map<String, String> options = new TreeMap<>();
        for (PropertyString.Entry e : spec.entries()) {
            String k = e.key();
            String v = e.value();
            if (k.isEmpty() || k.equals("model")) {
                model = model(v);
            } else if (Nic.QEMU_MODELS.contains(k)) {
                model = k;
                options.put("macaddr", mac(v));
            } else {
                switch (k) {
                    case "bridge" -> bridge = Optional.of(v);
                    case "tag" -> options.put(k, Integer.toString(Values.intIn("--net tag", v, 1, 4094)));
                    case "firewall", "link_down" -> options.put(k, Values.bool("--net " + k, v));
                    case "mtu" -> options.put(k, Integer.toString(Values.intIn("--net mtu", v, 1, 65520)));
                    case "queues" -> options.put(k, Integer.toString(Values.intIn("--net queues", v, 0, 64)));
                    case "rate" -> options.put(k, rate(v));
                    case "macaddr" -> options.put(k, mac(v));
                    case "trunks" -> options.put(k, trunks(v));
                    default -> throw new UsageException("--net: unknown option '" + k
                            + "' (use bridge, tag, model, firewall, macaddr, mtu, queues, rate, link_down, trunks)");
                }
            }
        }
        return new NicArg(slot, model, bridge, options);
    }

    /** @return the value PVE stores: {@code virtio[=MAC],bridge=vmbr0,firewall=1,tag=10} (model first, rest sorted). */
    public String format(String bridgeName) {
        TreeMap<String, String> rest = new TreeMap<>(options);
        String mac = rest.remove("macaddr");
        rest.put("bridge", bridgeName);
        StringBuilder sb = new StringBuilder(mac == null ? model : model + "=" + mac.toUpperCase(java.util.Locale.ROOT));
        rest.forEach((k, v) -> sb.append(',').append(k).append('=').append(v));
        return sb.toString();
    }

    private static String model(String v) {
        if (!Nic.QEMU_MODELS.contains(v)) {
            throw new UsageException("--net model must be one of " + String.join(", ", new java.util.TreeSet<>(Nic.QEMU_MODELS))
                    + ", got '" + v + "'");
        }
        return v;
    }

    private static String mac(String v) {
        if (!MAC.matcher(v).matches()) {
            throw new UsageException("--net: '" + v + "' is not a MAC address (XX:XX:XX:XX:XX:XX)");
        }
        return v.toUpperCase(java.util.Locale.ROOT);
    }

    private static String rate(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--net rate must be a number of MB/s, got '" + v + "'");
        }
    }

    private static String trunks(String v) {
        for (String t : v.split(";")) {
            for (String n : t.split("-")) {
                Values.intIn("--net trunks", n, 1, 4094);
            }
        }
        return v;
    }
}
