package dev.proxmoxmpc.plugin.ansible.inventory;

import dev.proxmoxmpc.plugin.ansible.naming.GroupNames;
import dev.proxmoxmpc.plugin.ansible.naming.HostNames;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Ansible view of an inventory: a host per guest and the groups they belong to. Templates are only in
 * {@code templates}; every other guest is in {@code vms} or {@code containers}, {@code running} or
 * {@code stopped}, {@code node_<node>}, {@code pool_<pool>} and one {@code tag_<tag>} group per tag.
 *
 * @param hosts      VMID to host name
 * @param groups     group name to its host names (sorted), fixed groups always present
 * @param tagGroups  tag to group name
 * @param poolGroups pool to group name
 * @param nodeGroups node to group name
 */
public record InventoryPlan(Map<Integer, String> hosts, Map<String, Set<String>> groups, Map<String, String> tagGroups,
                            Map<String, String> poolGroups, Map<String, String> nodeGroups) {
    public static final String VMS = "vms";
    public static final String CONTAINERS = "containers";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";
    public static final String TEMPLATES = "templates";
    /** Groups every generated inventory has, whatever the guests. */
    public static final List<String> FIXED = List.of(CONTAINERS, RUNNING, STOPPED, TEMPLATES, VMS);

    /** @return the plan for {@code inventory}; pure and deterministic. */
    public static InventoryPlan of(Inventory inventory) {
        List<Guest> managed = inventory.guests().stream().filter(g -> !g.template()).toList();
        Map<String, String> tags = GroupNames.assign("tag", managed.stream().flatMap(g -> g.tags().stream()).toList());
        Map<String, String> pools = GroupNames.assign("pool", managed.stream().map(Guest::pool).filter(p -> !p.isEmpty()).toList());
        Map<String, String> nodes = GroupNames.assign("node", nodeNames(inventory));
        Set<String> groupNames = new TreeSet<>(FIXED);
        groupNames.addAll(tags.values());
        groupNames.addAll(pools.values());
        groupNames.addAll(nodes.values());
        groupNames.add("all");
        groupNames.add("ungrouped");
        Map<Integer, String> hosts = HostNames.assign(inventory.guests(), groupNames);
        Map<String, Set<String>> groups = new TreeMap<>();
        FIXED.forEach(f -> groups.put(f, new TreeSet<>()));
        for (Guest g : inventory.guests()) {
            String host = hosts.get(g.vmid());
            if (g.template()) {
                groups.get(TEMPLATES).add(host);
                continue;
            }
            groups.get(g.kind() == GuestKind.VM ? VMS : CONTAINERS).add(host);
            if (g.status() == PowerState.RUNNING) {
                groups.get(RUNNING).add(host);
            } else if (g.status() == PowerState.STOPPED) {
                groups.get(STOPPED).add(host);
            }
            add(groups, nodes.get(g.node()), host);
            if (!g.pool().isEmpty()) {
                add(groups, pools.get(g.pool()), host);
            }
            g.tags().forEach(t -> add(groups, tags.get(t), host));
        }
        groups.replaceAll((k, v) -> java.util.Collections.unmodifiableSet(v));
        return new InventoryPlan(hosts, groups, tags, pools, nodes);
    }

    /** @return the node names known to the inventory (cluster nodes and guests' nodes). */
    public static Collection<String> nodeNames(Inventory inventory) {
        Set<String> out = new TreeSet<>();
        inventory.nodes().forEach(n -> out.add(n.name()));
        inventory.guests().forEach(g -> out.add(g.node()));
        return out;
    }

    private static void add(Map<String, Set<String>> groups, String group, String host) {
        groups.computeIfAbsent(group, k -> new TreeSet<>()).add(host);
    }

    /** @return the original Proxmox name behind a tag, pool or node group, for comments. */
    public Map<String, String> originals() {
        Map<String, String> out = new TreeMap<>();
        tagGroups.forEach((t, g) -> out.put(g, "tag " + t));
        poolGroups.forEach((p, g) -> out.put(g, "pool " + p));
        nodeGroups.forEach((n, g) -> out.put(g, "node " + n));
        return out;
    }

    /** @return all group names except the fixed ones. */
    public List<String> dynamicGroups() {
        List<String> out = new ArrayList<>(groups.keySet());
        out.removeAll(FIXED);
        return out;
    }
}
