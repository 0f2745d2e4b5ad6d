package dev.proxmoxmpc.plugin.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test inventories: JSON fixtures in src/test/resources (a scenario format close to the simulator's). */
final class Inventories {
    private Inventories() {}

    static Inventory load(String resource) {
        try (InputStream in = Inventories.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return fromJson(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Inventory fromJson(JsonNode root) {
        List<Node> nodes = new ArrayList<>();
        root.path("nodes").forEach(n -> nodes.add(new Node(n.get("name").asText(), "online", n.path("cpus").asInt(8),
                n.path("memory").asLong(34359738368L), n.path("disk").asLong(107374182400L), 86400, "")));
        List<Guest> guests = new ArrayList<>();
        root.path("guests").forEach(g -> guests.add(guest(g)));
        List<Storage> storages = new ArrayList<>();
        root.path("storages").forEach(s -> storages.add(new Storage(s.get("id").asText(), s.get("type").asText(), map(s.path("config")))));
        List<Network> networks = new ArrayList<>();
        root.path("networks").forEach(n -> networks.add(new Network(n.get("node").asText(), n.get("iface").asText(),
                n.get("type").asText(), map(n.path("config")))));
        List<Pool> pools = new ArrayList<>();
        root.path("pools").forEach(p -> pools.add(new Pool(p.get("id").asText(), p.path("comment").asText(""))));
        List<ClusterObject> objects = new ArrayList<>();
        root.path("objects").forEach(o -> objects.add(new ClusterObject(o.get("kind").asText(), o.path("scope").asText(""),
                o.path("id").asText(""), map(o.path("config")))));
        return new Inventory(root.path("cluster").asText(""), nodes, guests, storages, networks, pools, objects);
    }

    private static Guest guest(JsonNode g) {
        int vmid = g.get("vmid").asInt();
        String node = g.get("node").asText();
        String pool = g.path("pool").asText("");
        PowerState status = PowerState.fromPve(g.path("status").asText("stopped"));
        Map<String, String> config = map(g.path("config"));
        return g.get("type").asText().equals("lxc")
                ? new Container(vmid, node, pool, status, config, GuestRuntime.NONE)
                : new VirtualMachine(vmid, node, pool, status, config, GuestRuntime.NONE);
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
