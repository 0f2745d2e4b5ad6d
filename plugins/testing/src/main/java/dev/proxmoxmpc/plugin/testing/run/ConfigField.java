package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares one field of a {@code config} check: {@code cores}, {@code sockets}, {@code memory} (MiB), {@code tags}
 * (as a set), {@code onboot}, a disk slot ({@code storage=local-lvm,size=32G}), a NIC slot
 * ({@code bridge=vmbr0,model=virtio,tag=20,firewall=1}: the keys given must match), {@code ha} (the HA state), or any
 * other PVE key (as text).
 */
final class ConfigField {
    private ConfigField() {}

    /** @return the actual value when it differs from {@code expected}, empty when it matches. */
    static Optional<String> compare(String field, String expected, Guest g) {
        String actual;
        boolean same;
        if (field.matches("(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0|rootfs|mp\\d+")) {
            return disk(field, expected, g);
        }
        if (field.matches("net\\d+")) {
            return nic(field, expected, g);
        }
        switch (field) {
            case "cores" -> actual = Integer.toString(g.cores());
            case "memory" -> actual = Long.toString(g.memoryMiB());
            case "onboot" -> actual = g.onboot() ? "1" : "0";
            case "sockets" -> actual = Integer.toString(g.intValue("sockets", 1));
            case "ha" -> actual = g.runtime().haState().isEmpty() ? "none" : g.runtime().haState();
            case "tags" -> {
                actual = String.join(";", g.tags());
                same = new TreeSet<>(g.tags()).equals(new TreeSet<>(split(expected)));
                return same ? Optional.empty() : Optional.of(actual.isEmpty() ? "none" : actual);
            }
            default -> actual = g.value(field);
        }
        same = numeric(expected) && numeric(actual) ? Double.parseDouble(expected) == Double.parseDouble(actual)
                : expected.equals(actual);
        return same ? Optional.empty() : Optional.of(actual.isEmpty() ? "unset" : actual);
    }

    private static Optional<String> disk(String slot, String expected, Guest g) {
        Optional<Disk> d = g.disks().stream().filter(x -> x.slot().equals(slot)).findFirst();
        if (d.isEmpty()) {
            return Optional.of("no " + slot);
        }
        PropertyString want = PropertyString.parse(expected);
        String storage = want.getOrEmpty("storage");
        String size = want.getOrEmpty("size");
        String actual = "storage=" + d.get().storage() + (d.get().sizeGiB() > 0 ? ",size=" + d.get().sizeGiB() + "G" : "");
        boolean same = (storage.isEmpty() || storage.equals(d.get().storage()))
                && (size.isEmpty() || dev.proxmoxmpc.spi.model.Sizes.toGiB(size) == d.get().sizeGiB());
        return same ? Optional.empty() : Optional.of(actual);
    }

    private static Optional<String> nic(String slot, String expected, Guest g) {
        Optional<Nic> n = g.nics().stream().filter(x -> x.slot().equals(slot)).findFirst();
        if (n.isEmpty()) {
            return Optional.of("no " + slot);
        }
        PropertyString want = PropertyString.parse(expected);
        Nic nic = n.get();
        StringBuilder actual = new StringBuilder("bridge=" + nic.bridge());
        if (!nic.model().isEmpty()) {
            actual.append(",model=").append(nic.model());
        }
        if (!nic.tag().isEmpty()) {
            actual.append(",tag=").append(nic.tag());
        }
        actual.append(",firewall=").append(nic.firewall() ? 1 : 0);
        boolean same = want.get("bridge").map(b -> b.equals(nic.bridge())).orElse(true)
                && want.get("model").map(m -> m.equals(nic.model())).orElse(true)
                && want.get("tag").map(t -> t.equals(nic.tag())).orElse(true)
                && want.get("firewall").map(f -> PropertyString.truthy(f) == nic.firewall()).orElse(true);
        return same ? Optional.empty() : Optional.of(actual.toString());
    }

    private static List<String> split(String tags) {
        return tags.isBlank() ? List.of() : List.of(tags.trim().split("[;, ]+"));
    }

    private static boolean numeric(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }
}
