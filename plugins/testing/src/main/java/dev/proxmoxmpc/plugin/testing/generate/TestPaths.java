package dev.proxmoxmpc.plugin.testing.generate;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each guest's generated files go: {@code tests/vms/<name>.test.yml}, {@code tests/containers/<name>.test.yml},
 * {@code tests/performance/<name>.test.yml}. The name is the guest's with characters outside {@code [A-Za-z0-9._-]}
 * replaced by {@code _} ({@code vm-<vmid>}/{@code ct-<vmid>} when unnamed); taken in VMID order, a name already used
 * gets {@code -<vmid>}, so adding a guest never renames an older one's file.
 */
public final class TestPaths {
    public static final String INFRASTRUCTURE = "tests/infrastructure.test.yml";
    private final Map<Integer, String> names;
    private final Map<Integer, GuestKind> kinds;

    private TestPaths(Map<Integer, String> names, Map<Integer, GuestKind> kinds) {
        this.names = names;
        this.kinds = kinds;
    }

    public static TestPaths of(Inventory desired) {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, GuestKind> kinds = new TreeMap<>();
        Set<String> taken = new HashSet<>();
        for (Guest g : desired.guests()) {
            String name = base(g);
            if (!taken.add(name.toLowerCase(java.util.Locale.ROOT))) {
                name = name + "-" + g.vmid();
                taken.add(name.toLowerCase(java.util.Locale.ROOT));
            }
            names.put(g.vmid(), name);
            kinds.put(g.vmid(), g.kind());
        }
        return new TestPaths(names, kinds);
    }

    /** @return the file-safe name of a guest. */
    public static String base(Guest g) {
        String cleaned = g.name().trim().replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.isEmpty() || cleaned.matches("[._-]+")) {
            return (g.kind() == GuestKind.VM ? "vm-" : "ct-") + g.vmid();
        }
        return cleaned;
    }

    /** @return the guest's name in file names. */
    public String name(int vmid) {
        return names.getOrDefault(vmid, "vm-" + vmid);
    }

    /** @return {@code tests/vms/web-01.test.yml} or {@code tests/containers/dns-01.test.yml}. */
    public String guestFile(int vmid) {
        return (kinds.get(vmid) == GuestKind.CONTAINER ? "tests/containers/" : "tests/vms/") + name(vmid) + ".test.yml";
    }

    /** @return {@code tests/performance/web-01.test.yml}. */
    public String performanceFile(int vmid) {
        return "tests/performance/" + name(vmid) + ".test.yml";
    }

    /** @return the file a finding about {@code source} ({@code vm/100}, {@code ct/200}, {@code node/pve1}) belongs to. */
    public String fileOf(String source) {
        int slash = source.indexOf('/');
        if (slash > 0 && (source.startsWith("vm/") || source.startsWith("ct/"))) {
            try {
                int vmid = Integer.parseInt(source.substring(slash + 1).split("\\s")[0]);
                if (names.containsKey(vmid)) {
                    return guestFile(vmid);
                }
            } catch (NumberFormatException e) {
                return INFRASTRUCTURE;
            }
        }
        return INFRASTRUCTURE;
    }
}
