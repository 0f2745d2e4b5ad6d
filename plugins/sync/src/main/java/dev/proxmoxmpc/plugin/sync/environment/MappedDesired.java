package dev.proxmoxmpc.plugin.sync.environment;

import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The desired state as an environment sees it: node, storage and bridge names and static addresses translated by
 * its {@link EnvironmentMapping}. Storages mapped onto one of the cluster's are not created there. Pure.
 */
public final class MappedDesired {
    private static final Pattern IPCONFIG = Pattern.compile("ipconfig\\d+");
    private static final List<String> ADDRESS_KEYS = List.of("cidr", "address", "gateway");

    private MappedDesired() {}

    /** @return {@code desired} translated by {@code m} ({@code desired} itself when nothing is mapped) */
    public static Inventory apply(Inventory desired, EnvironmentMapping m) {
        if (m.isEmpty()) {
            return desired;
        }
        List<Guest> guests = desired.guests().stream().map(g -> guest(g, m)).toList();
        List<Network> networks = desired.networks().stream().map(n -> network(n, m)).toList();
        List<Storage> storages = desired.storages().stream().filter(s -> !m.storages().containsKey(s.id()))
                .map(s -> storage(s, m)).toList();
        List<ClusterObject> objects = desired.objects().stream().map(o -> object(o, m)).toList();
        return new Inventory(desired.cluster(), desired.nodes(), guests, storages, networks, desired.pools(), objects);
    }

    /** Keys of cluster objects that name nodes: one ({@code node}, {@code target}) or a list ({@code nodes}, maybe {@code node:prio}). */
    private static final List<String> NODE_KEYS = List.of("node", "target", "nodes", "exitnodes", "exitnodes-primary");

    /** An object's node names (its scope, HA rule and group nodes, a backup job's node, a replication target), a bridge. */
    static ClusterObject object(ClusterObject o, EnvironmentMapping m) {
        String scope = o.scope();
        if (scope.startsWith("node/")) {
            scope = "node/" + m.nodes().getOrDefault(scope.substring(5), scope.substring(5));
        }
        Map<String, String> config = new TreeMap<>(o.config());
        for (String k : NODE_KEYS) {
            String v = config.get(k);
            if (v != null && !v.isEmpty() && !m.nodes().isEmpty()) {
                config.put(k, Arrays.stream(v.split(",")).map(String::trim).map(n -> {
                    int colon = n.indexOf(':');
                    String name = colon < 0 ? n : n.substring(0, colon);
                    return m.nodes().getOrDefault(name, name) + (colon < 0 ? "" : n.substring(colon));
                }).collect(Collectors.joining(",")));
            }
        }
        if (o.kind().equals("sdn-zone") && m.bridges().containsKey(config.getOrDefault("bridge", ""))) {
            config.put("bridge", m.bridges().get(config.get("bridge")));
        }
        if (o.kind().equals("backup-job") && m.storages().containsKey(config.getOrDefault("storage", ""))) {
            config.put("storage", m.storages().get(config.get("storage")));
        }
        return new ClusterObject(o.kind(), scope, o.id(), config);
    }

    static Guest guest(Guest g, EnvironmentMapping m) {
        Guest out = g.withNode(m.nodes().getOrDefault(g.node(), g.node()));
        Map<String, String> config = new TreeMap<>(g.config());
        for (Map.Entry<String, String> e : g.config().entrySet()) {
            String k = e.getKey();
            if (Disk.SLOT.matcher(k).matches()) {
                config.put(k, disk(e.getValue(), m));
            } else if (Nic.SLOT.matcher(k).matches()) {
                config.put(k, nic(e.getValue(), m));
            } else if (IPCONFIG.matcher(k).matches()) {
                config.put(k, addresses(PropertyString.parse(e.getValue()), m).format());
            }
        }
        return out.withConfig(config);
    }

    private static String disk(String value, EnvironmentMapping m) {
        PropertyString spec = PropertyString.parse(value);
        String volume = new Disk("scsi0", spec).volume();
        int colon = volume.indexOf(':');
        if (colon < 0 || !spec.positional().isPresent()) {
            return value;
        }
        String storage = volume.substring(0, colon);
        String to = m.storages().get(storage);
        PropertyString out = to == null ? spec : spec.withPositional(to + volume.substring(colon));
        String from = spec.getOrEmpty("import-from"); // an image source on a mapped storage moves with it
        int c = from.indexOf(':');
        if (c > 0 && m.storages().containsKey(from.substring(0, c))) {
            out = out.with("import-from", m.storages().get(from.substring(0, c)) + from.substring(c));
        }
        return out.format();
    }

    private static String nic(String value, EnvironmentMapping m) {
        PropertyString spec = PropertyString.parse(value);
        String bridge = spec.getOrEmpty("bridge");
        if (m.bridges().containsKey(bridge)) {
            spec = spec.with("bridge", m.bridges().get(bridge));
        }
        return addresses(spec, m).format();
    }

    private static PropertyString addresses(PropertyString spec, EnvironmentMapping m) {
        PropertyString out = spec;
        for (String key : List.of("ip", "gw")) {
            String v = spec.getOrEmpty(key);
            if (!v.isEmpty() && !m.subnets().isEmpty()) {
                out = out.with(key, Subnets.move(v, m.subnets()));
            }
        }
        return out;
    }

    private static Network network(Network n, EnvironmentMapping m) {
        Map<String, String> config = new TreeMap<>(n.config());
        for (String k : ADDRESS_KEYS) {
            if (config.containsKey(k) && !m.subnets().isEmpty()) {
                config.put(k, Subnets.move(config.get(k), m.subnets()));
            }
        }
        return new Network(m.nodes().getOrDefault(n.node(), n.node()), m.bridges().getOrDefault(n.iface(), n.iface()),
                n.type(), config);
    }

    private static Storage storage(Storage s, EnvironmentMapping m) {
        String nodes = s.config().getOrDefault("nodes", "");
        if (nodes.isEmpty() || m.nodes().isEmpty()) {
            return s;
        }
        Map<String, String> config = new TreeMap<>(s.config());
        config.put("nodes", Arrays.stream(nodes.split(",")).map(n -> m.nodes().getOrDefault(n.trim(), n.trim()))
                .collect(Collectors.joining(",")));
        return new Storage(s.id(), s.type(), config);
    }
}
