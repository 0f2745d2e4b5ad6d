package dev.proxmoxmpc.plugin.ansible.roles;

import dev.proxmoxmpc.plugin.ansible.inventory.InventoryPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which roles the generated project has and which groups each one runs on: {@code common} on every running
 * guest, and one role per mapped tag present in the inventory.
 *
 * @param role   the role name ({@code web_server})
 * @param groups the tag groups it applies to, sorted (empty for {@code common})
 * @param tags   the Proxmox tags behind those groups, sorted
 */
public record RolePlan(String role, List<String> groups, List<String> tags) {
    /** The role every running guest gets. */
    public static final String COMMON = "common";
    /** Roles with their own templates; any other role gets the generic skeleton. */
    public static final Set<String> KNOWN = Set.of(COMMON, "web_server", "database", "monitoring");

    public RolePlan {
        Objects.requireNonNull(role, "role");
        groups = List.copyOf(groups);
        tags = List.copyOf(tags);
    }

    /** @return common first, then the mapped roles by name. */
    public static List<RolePlan> of(InventoryPlan plan, Map<String, String> tagToRole) {
        Map<String, Set<String>> groups = new TreeMap<>();
        Map<String, Set<String>> tags = new TreeMap<>();
        plan.tagGroups().forEach((tag, group) -> {
            String role = tagToRole.get(tag);
            if (role != null && !role.equals(COMMON)) {
                groups.computeIfAbsent(role, k -> new TreeSet<>()).add(group);
                tags.computeIfAbsent(role, k -> new TreeSet<>()).add(tag);
            }
        });
        List<RolePlan> out = new ArrayList<>();
        out.add(new RolePlan(COMMON, List.of(), List.of()));
        groups.forEach((role, g) -> out.add(new RolePlan(role, List.copyOf(g), List.copyOf(tags.get(role)))));
        return out;
    }

    /** @return the host pattern of its play: the tag groups' union, limited to running guests. */
    public String hostPattern() {
        return groups.isEmpty() ? InventoryPlan.RUNNING : String.join(":", groups) + ":&" + InventoryPlan.RUNNING;
    }

    /** @return the template folder: {@code ansible/roles/<role>} for known roles, else the generic one. */
    public String templateDir() {
        return "ansible/roles/" + (KNOWN.contains(role) ? role : "generic");
    }
}
