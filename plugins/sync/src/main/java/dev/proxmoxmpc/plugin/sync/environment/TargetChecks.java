package dev.proxmoxmpc.plugin.sync.environment;

import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Before any API write: the nodes, storages and bridges the (mapped) desired state names for the guests to create
 * must exist on the environment's cluster, or be created by the same plan; each missing one is an error that says
 * how to map it ({@code environment map production --node pve1=prod1}). Pure.
 */
public final class TargetChecks {
    private TargetChecks() {}

    /**
     * @param desired     the mapped desired state
     * @param observed    the environment's server state
     * @param creating    the VMIDs the plan creates
     * @param environment the environment's name, for the hints
     * @return one error per missing node, storage or bridge, naming the guests that need it
     */
    public static List<Diagnostic> check(Inventory desired, Inventory observed, Set<Integer> creating, String environment) {
        List<Diagnostic> out = new ArrayList<>();
        if (observed.nodes().isEmpty()) {
            return out;
        }
        Set<String> nodes = observed.nodes().stream().map(Node::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> storages = new TreeSet<>();
        observed.storages().forEach(s -> storages.add(s.id()));
        desired.storages().forEach(s -> storages.add(s.id()));
        Set<String> bridges = new TreeSet<>();
        for (Inventory inv : List.of(observed, desired)) {
            inv.networks().forEach(n -> bridges.add(n.node() + "/" + n.iface()));
            for (ClusterObject vnet : inv.objects("sdn-vnet")) {
                // an SDN vnet is a bridge on the nodes of its zone (every node when the zone names none)
                String zoneNodes = inv.object("sdn-zone", "", vnet.value("zone")).map(z -> z.value("nodes")).orElse(null);
                if (zoneNodes != null) {
                    nodes.stream().filter(n -> zoneNodes.isBlank() || List.of(zoneNodes.split("[,;\\s]+")).contains(n))
                            .forEach(n -> bridges.add(n + "/" + vnet.id()));
                }
            }
        }
        Map<String, List<String>> missingNodes = new TreeMap<>();
        Map<String, List<String>> missingStorages = new TreeMap<>();
        Map<String, List<String>> missingBridges = new TreeMap<>();
        for (Guest g : desired.guests()) {
            if (!creating.contains(g.vmid())) {
                continue;
            }
            String label = ThreeWayMerge.label(g);
            if (!nodes.contains(g.node())) {
                missingNodes.computeIfAbsent(g.node(), k -> new ArrayList<>()).add(label);
                continue;
            }
            for (Disk d : g.disks()) {
                String s = d.storage();
                if (!s.isEmpty() && !d.volume().equals("none") && !storages.contains(s)) {
                    missingStorages.computeIfAbsent(s, k -> new ArrayList<>()).add(label);
                }
            }
            for (Nic n : g.nics()) {
                if (!n.bridge().isEmpty() && !bridges.contains(g.node() + "/" + n.bridge())) {
                    missingBridges.computeIfAbsent(n.bridge(), k -> new ArrayList<>()).add(label + " (node " + g.node() + ")");
                }
            }
        }
        for (Network n : desired.networks()) {
            if (!nodes.contains(n.node())) {
                missingNodes.computeIfAbsent(n.node(), k -> new ArrayList<>()).add("network " + n.iface());
            }
        }
        String known = String.join(", ", nodes);
        missingNodes.forEach((node, users) -> out.add(Diagnostic.error("node " + node + " does not exist on environment "
                + environment + " (its nodes: " + known + "); map it: environment map " + environment + " --node " + node
                + "=" + nodes.iterator().next(), who(users))));
        String knownStorages = observed.storages().stream().map(Storage::id).sorted().collect(Collectors.joining(", "));
        missingStorages.forEach((s, users) -> out.add(Diagnostic.error("storage " + s + " does not exist on environment "
                + environment + " (its storages: " + knownStorages + "); map it: environment map " + environment
                + " --storage " + s + "=STORAGE", who(users))));
        String knownBridges = observed.networks().stream().filter(n -> n.type().contains("bridge")).map(Network::iface)
                .distinct().sorted().collect(Collectors.joining(", "));
        missingBridges.forEach((b, users) -> out.add(Diagnostic.error("bridge " + b + " does not exist on environment "
                + environment + " (its bridges: " + knownBridges + "); map it: environment map " + environment
                + " --bridge " + b + "=BRIDGE", who(users))));
        return out;
    }

    private static String who(List<String> users) {
        return users.size() <= 3 ? String.join(", ", users) : String.join(", ", users.subList(0, 3)) + " and "
                + (users.size() - 3) + " more";
    }
}
