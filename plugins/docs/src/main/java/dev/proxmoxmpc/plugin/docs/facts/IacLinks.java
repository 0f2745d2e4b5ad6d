package dev.proxmoxmpc.plugin.docs.facts;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the Terraform generator writes each guest ({@code terraform/vms/web_01.tf},
 * {@code terraform/containers/dns_01.tf}). Plugins do not see each other, so this repeats the Terraform plugin's
 * published naming rule (docs/terraform.md): the label made safe (lower case, {@code [a-z0-9_]}), the first guest
 * in VMID order keeps it, a later one with the same label gets {@code _VMID} appended.
 */
public final class IacLinks {
    private IacLinks() {
    }

    /** @return VMID -> project-relative Terraform file. */
    public static Map<Integer, String> terraformFiles(List<Guest> guests) {
        Map<Integer, String> out = new LinkedHashMap<>();
        assign(guests.stream().filter(g -> g.kind() == GuestKind.VM).toList(), "vm")
                .forEach((vmid, name) -> out.put(vmid, "terraform/vms/" + name + ".tf"));
        assign(guests.stream().filter(g -> g.kind() == GuestKind.CONTAINER).toList(), "ct")
                .forEach((vmid, name) -> out.put(vmid, "terraform/containers/" + name + ".tf"));
        return out;
    }

    private static Map<Integer, String> assign(List<Guest> guests, String prefix) {
        Map<String, Integer> wanted = new HashMap<>();
        guests.forEach(g -> wanted.merge(safe(g.name(), prefix + "_" + g.vmid()), 1, Integer::sum));
        Set<String> taken = new HashSet<>();
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Guest g : guests) {
            String name = safe(g.name(), prefix + "_" + g.vmid());
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

    static String safe(String name, String fallback) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder sb = new StringBuilder();
        for (char c : ascii.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
            sb.setLength(sb.length() - 1);
        }
        if (sb.length() == 0) {
            return fallback;
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, fallback.replaceAll("_.*", "") + "_");
        }
        return sb.toString();
    }
}
