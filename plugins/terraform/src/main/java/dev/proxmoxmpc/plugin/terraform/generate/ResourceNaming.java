package dev.proxmoxmpc.plugin.terraform.generate;

import dev.proxmoxmpc.plugin.terraform.hcl.ResourceNames;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unique resource names for a list of guests of one kind, decided in VMID order: the first guest keeps the name
 * made from its label, a later guest whose name is taken gets its VMID appended ({@code web_102}). Stable: a
 * guest keeps its name as long as no guest with a lower VMID takes the same label.
 */
public final class ResourceNaming {
    private ResourceNaming() {}

    /** @return VMID -> resource name; {@code prefix} ({@code vm}, {@code ct}) names guests without a usable label. */
    public static Map<Integer, String> assign(List<? extends Guest> guests, String prefix) {
        Map<String, Integer> wanted = new HashMap<>();
        for (Guest g : guests) {
            wanted.merge(base(g, prefix), 1, Integer::sum);
        }
        Set<String> taken = new HashSet<>();
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Guest g : guests) {
            String name = base(g, prefix);
            if (taken.contains(name)) {
                name = name + "_" + g.vmid();
                while (taken.contains(name) || wanted.containsKey(name)) {
                    name = name + "_";
                }
            }
            taken.add(name);
            out.put(g.vmid(), name);
        }
        return out;
    }

    private static String base(Guest g, String prefix) {
        return ResourceNames.of(g.name(), prefix + "_" + g.vmid());
    }
}
