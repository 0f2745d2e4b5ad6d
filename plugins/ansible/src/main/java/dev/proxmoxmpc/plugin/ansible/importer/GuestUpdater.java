package dev.proxmoxmpc.plugin.ansible.importer;

import dev.proxmoxmpc.plugin.ansible.inventory.Addresses;
import dev.proxmoxmpc.plugin.ansible.inventory.InventoryPlan;
import dev.proxmoxmpc.plugin.ansible.naming.GroupNames;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lays one inventory host over its guest: tags from group membership ({@code tag_*} and any other group),
 * pool from {@code pool_*}, power state from {@code running}/{@code stopped}, node from {@code proxmox_node}
 * (else {@code node_*}). What cannot be mapped is reported, never dropped silently.
 */
final class GuestUpdater {
    /** Host vars the generator writes and this importer understands. */
    static final Set<String> KNOWN_VARS = Set.of("ansible_host", "proxmox_node", "proxmox_vmid");
    private static final String PVE_TAG = "[A-Za-z0-9_][A-Za-z0-9_+.-]*";

    private final Names names;
    private final InventoryPlan expected;
    private final Inventory observed;
    private final boolean filePoolsManaged;
    private final boolean fileTagsManaged;
    private final String source;
    private final List<Diagnostic> diagnostics;

    /**
     * @param names            the base's tag, pool and node group names, for reading group names back
     * @param expected         the plan of the base inventory (expected host names)
     * @param observed         the last observed inventory (the guest-agent addresses the generator wrote)
     * @param filePoolsManaged whether the file has any {@code pool_*} group (then a host in none leaves its pool)
     * @param fileTagsManaged  whether the file has any group that gives tags (else tags are left as they are)
     */
    GuestUpdater(Names names, InventoryPlan expected, Inventory observed, boolean filePoolsManaged, boolean fileTagsManaged,
                 String source, List<Diagnostic> diagnostics) {
        this.names = names;
        this.expected = expected;
        this.observed = observed;
        this.filePoolsManaged = filePoolsManaged;
        this.fileTagsManaged = fileTagsManaged;
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** @return the guest as the host describes it. */
    Guest update(Guest guest, InventoryDocument.Host host, Set<String> groups) {
        Guest g = node(guest, host, groups);
        checkVars(g, host);
        checkKind(g, host, groups);
        if (g.template()) {
            groups.stream().filter(n -> !n.equals(InventoryPlan.TEMPLATES) && !n.startsWith("node_")).forEach(n ->
                    warn("template '" + host.name + "' is in group '" + n + "'; templates are only listed in 'templates', ignored", host));
            return g;
        }
        if (groups.contains(InventoryPlan.TEMPLATES)) {
            warn("'" + host.name + "' (vmid " + g.vmid() + ") is in 'templates' but is not a template; not imported", host);
        }
        g = status(g, host, groups);
        g = pool(g, host, groups);
        return fileTagsManaged ? tags(g, groups) : g;
    }

    private Guest node(Guest g, InventoryDocument.Host host, Set<String> groups) {
        YamlNode.Entry nodeVar = host.vars.get("proxmox_node");
        List<String> nodeGroups = groups.stream().filter(n -> n.startsWith("node_")).map(names::node).toList();
        String node = g.node();
        if (nodeVar != null && nodeVar.value() instanceof YamlNode.Scalar s && !s.isNull()) {
            node = s.text();
        } else if (nodeGroups.size() == 1) {
            node = nodeGroups.get(0);
        }
        for (String n : nodeGroups) {
            if (!n.equals(node)) {
                warn("'" + host.name + "' is in group of node '" + n + "' but proxmox_node is '" + node + "'; the group is ignored", host);
            }
        }
        return node.equals(g.node()) ? g : g.withNode(node);
    }

    private void checkVars(Guest g, InventoryDocument.Host host) {
        host.vars.forEach((key, e) -> {
            if (!KNOWN_VARS.contains(key)) {
                diagnostics.add(Diagnostic.info("host var '" + key + "' of '" + host.name
                        + "' has no Proxmox equivalent; not imported", source + ":" + e.line()));
            }
        });
        YamlNode.Entry address = host.vars.get("ansible_host");
        String derived = Addresses.of(g, observed).orElse(expected.hosts().getOrDefault(g.vmid(), host.name));
        if (address != null && address.value() instanceof YamlNode.Scalar s && !derived.equals(s.text())
                && !host.name.equals(s.text())) {
            diagnostics.add(Diagnostic.warning("ansible_host '" + s.text() + "' of '" + host.name + "' differs from the guest's address '"
                    + derived + "'; not imported (set ipconfig0 or net0 instead)", source + ":" + address.line()));
        }
    }

    private void checkKind(Guest g, InventoryDocument.Host host, Set<String> groups) {
        if (groups.contains(InventoryPlan.VMS) && g.kind() != GuestKind.VM
                || groups.contains(InventoryPlan.CONTAINERS) && g.kind() != GuestKind.CONTAINER) {
            warn("'" + host.name + "' (vmid " + g.vmid() + ") is a " + g.kind().apiType()
                    + " guest; its vms/containers group is ignored", host);
        }
    }

    private Guest status(Guest g, InventoryDocument.Host host, Set<String> groups) {
        boolean running = groups.contains(InventoryPlan.RUNNING);
        boolean stopped = groups.contains(InventoryPlan.STOPPED);
        if (running && stopped) {
            warn("'" + host.name + "' is in both 'running' and 'stopped'; power state not imported", host);
            return g;
        }
        PowerState want = running ? PowerState.RUNNING : stopped ? PowerState.STOPPED : g.status();
        return want == g.status() ? g : g.withStatus(want);
    }

    private Guest pool(Guest g, InventoryDocument.Host host, Set<String> groups) {
        List<String> pools = groups.stream().filter(n -> n.startsWith("pool_")).map(names::pool).toList();
        if (pools.size() > 1) {
            warn("'" + host.name + "' is in several pools " + pools + "; a guest has at most one, pool not imported", host);
            return g;
        }
        String pool = pools.isEmpty() ? (filePoolsManaged ? "" : g.pool()) : pools.get(0);
        return pool.equals(g.pool()) ? g : g.withPool(pool);
    }

    private Guest tags(Guest g, Set<String> groups) {
        Set<String> tags = new TreeSet<>();
        for (String group : groups) {
            if (givesTag(group)) {
                tags.add(group.startsWith("tag_") ? names.tag(group) : plainGroupTag(group));
            }
        }
        if (tags.equals(new TreeSet<>(g.tags()))) {
            return g;
        }
        return g.withConfigValue("tags", String.join(";", tags));
    }

    /** @return whether membership in {@code group} gives a tag ({@code tag_*} or a group of the user's own). */
    static boolean givesTag(String group) {
        return !(group.equals("all") || group.equals("ungrouped") || InventoryPlan.FIXED.contains(group)
                || group.startsWith("node_") || group.startsWith("pool_"));
    }

    private static String plainGroupTag(String group) {
        return group.matches(PVE_TAG) ? group : GroupNames.sanitize(group);
    }

    private void warn(String summary, InventoryDocument.Host host) {
        diagnostics.add(Diagnostic.warning(summary, source + ":" + host.line));
    }

    /** Reads group names back to the Proxmox names of the base inventory. */
    record Names(Map<String, String> tags, Map<String, String> pools, Map<String, String> nodes) {
        String tag(String group) {
            return tags.getOrDefault(group, group.substring("tag_".length()));
        }

        String pool(String group) {
            return pools.getOrDefault(group, group.substring("pool_".length()));
        }

        String node(String group) {
            return nodes.getOrDefault(group, group.substring("node_".length()));
        }
    }
}
