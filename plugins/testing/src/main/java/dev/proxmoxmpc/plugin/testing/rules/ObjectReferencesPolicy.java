package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/**
 * Cluster objects refer to what exists: a backup job's storage (holding backups), node and pool, a replication job's
 * guest and target node, an HA resource's guest, an HA rule's guests and nodes, a vnet's zone, a subnet's vnet, a
 * firewall rule's security group. PVE refuses such an object, so /apply would fail on it.
 */
@Extension
public class ObjectReferencesPolicy implements Policy {
    @Override
    public String id() {
        return "object-references";
    }

    @Override
    public String why() {
        return "Proxmox VE refuses a job, HA entry, SDN object or firewall rule that names a storage, node, guest or group it"
                + " does not have: /apply would fail on it";
    }

    @Override
    public String fix() {
        return "create what it names first, or correct the name in its Terraform file";
    }

    @Override
    public List<Diagnostic> check(Inventory d) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> nodes = d.nodes().stream().map(Node::name).collect(Collectors.toSet());
        Set<String> pools = d.pools().stream().map(Pool::id).collect(Collectors.toSet());
        for (ClusterObject o : d.objects()) {
            String at = o.label();
            switch (o.kind()) {
                case "backup-job" -> {
                    String st = o.value("storage");
                    Optional<Storage> storage = d.storages().stream().filter(s -> s.id().equals(st)).findFirst();
                    if (!st.isEmpty() && storage.isEmpty()) {
                        out.add(Diagnostic.error("storage '" + st + "' does not exist", at));
                    } else if (storage.isPresent() && !storage.get().type().equals("pbs") && !storage.get().content().contains("backup")) {
                        out.add(Diagnostic.error("storage '" + st + "' does not hold backups (content: "
                                + String.join(",", storage.get().content()) + ")", at));
                    }
                    node(out, nodes, o.value("node"), at);
                    if (!o.value("pool").isEmpty() && !pools.contains(o.value("pool"))) {
                        out.add(Diagnostic.error("pool '" + o.value("pool") + "' does not exist", at));
                    }
                }
                case "replication" -> {
                    String vmid = o.id().contains("-") ? o.id().substring(0, o.id().indexOf('-')) : o.value("guest");
                    Optional<Guest> g = guest(d, vmid);
                    if (g.isEmpty()) {
                        out.add(Diagnostic.error("guest " + vmid + " does not exist", at));
                    } else if (g.get().node().equals(o.value("target"))) {
                        out.add(Diagnostic.error("target node '" + o.value("target") + "' is the guest's own node", at));
                    }
                    node(out, nodes, o.value("target"), at);
                }
                case "ha-resource" -> {
                    String vmid = o.id().replaceFirst("^(vm|ct):", "");
                    if (guest(d, vmid).isEmpty()) {
                        out.add(Diagnostic.error("guest " + vmid + " does not exist", at));
                    }
                }
                case "ha-rule" -> {
                    for (String r : items(o.value("resources"))) {
                        if (guest(d, r.replaceFirst("^(vm|ct):", "")).isEmpty()) {
                            out.add(Diagnostic.error("guest " + r + " does not exist", at));
                        }
                    }
                    for (String n : items(o.value("nodes"))) {
                        node(out, nodes, n.replaceFirst(":\\d+$", ""), at);
                    }
                }
                case "sdn-vnet" -> {
                    if (d.object("sdn-zone", "", o.value("zone")).isEmpty()) {
                        out.add(Diagnostic.error("SDN zone '" + o.value("zone") + "' does not exist", at));
                    }
                }
                case "sdn-subnet" -> {
                    if (!o.value("vnet").isEmpty() && d.object("sdn-vnet", "", o.value("vnet")).isEmpty()) {
                        out.add(Diagnostic.error("vnet '" + o.value("vnet") + "' does not exist", at));
                    }
                }
                case "firewall-rules", "firewall-group" -> o.config().forEach((k, v) -> {
                    if (k.matches("rule\\.\\d+\\.type") && v.equals("group")) {
                        String group = o.value(k.replace(".type", ".action"));
                        if (d.object("firewall-group", "", group).isEmpty()) {
                            out.add(Diagnostic.error("security group '" + group + "' does not exist", at));
                        }
                    }
                });
                default -> {
                    // other kinds refer to nothing this rule can check
                }
            }
        }
        return out;
    }

    private static void node(List<Diagnostic> out, Set<String> nodes, String node, String at) {
        if (!node.isEmpty() && !nodes.isEmpty() && !nodes.contains(node)) {
            out.add(Diagnostic.error("node '" + node + "' is not in the cluster", at));
        }
    }

    private static Optional<Guest> guest(Inventory d, String vmid) {
        try {
            return d.guest(Integer.parseInt(vmid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> items(String v) {
        return Arrays.stream(v.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
