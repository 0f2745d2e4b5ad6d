package dev.proxmoxmpc.plugin.docs;

import dev.proxmoxmpc.plugin.simulator.scenario.Scenario;
import dev.proxmoxmpc.plugin.simulator.scenario.ScenarioLoader;
import dev.proxmoxmpc.plugin.simulator.state.Sizes;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
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
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator's scenarios ({@code demo}, {@code large:N}) as the inventory /sync would store for them: the same
 * nodes, guests, storages, networks and pools; HA guests carry the state the server reports.
 */
final class Scenarios {
    private Scenarios() {
    }

    static Inventory inventory(String spec) {
        Scenario s = ScenarioLoader.load(spec);
        List<Node> nodes = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        for (Scenario.NodeSpec n : s.nodes()) {
            nodes.add(new Node(n.name(), "online", n.cpus() == null ? 8 : n.cpus(), Sizes.parse(n.memory()),
                    Sizes.parse(n.rootfs()), 86_400, ""));
            for (Map<String, Object> i : n.interfaces()) {
                Map<String, String> cfg = new TreeMap<>();
                i.forEach((k, v) -> {
                    if (!k.equals("iface") && !k.equals("type")) {
                        cfg.put(k, String.valueOf(v));
                    }
                });
                networks.add(new Network(n.name(), String.valueOf(i.get("iface")), String.valueOf(i.get("type")), cfg));
            }
        }
        List<Storage> storages = new ArrayList<>();
        for (Scenario.StorageSpec st : s.storages()) {
            Map<String, String> cfg = new TreeMap<>(st.props());
            cfg.put("content", st.content());
            if (Boolean.TRUE.equals(st.shared())) {
                cfg.put("shared", "1");
            }
            if (st.nodes() != null) {
                cfg.put("nodes", st.nodes());
            }
            storages.add(new Storage(st.id(), st.type(), cfg));
        }
        List<Pool> pools = new ArrayList<>();
        Map<Integer, String> poolOf = new TreeMap<>();
        for (Scenario.PoolSpec p : s.pools()) {
            pools.add(new Pool(p.id(), p.comment() == null ? "" : p.comment()));
            p.members().forEach(m -> poolOf.put(m, p.id()));
        }
        List<Guest> guests = new ArrayList<>();
        s.templates().forEach(g -> guests.add(guest(g, true, poolOf)));
        s.vms().forEach(g -> guests.add(guest(g, false, poolOf)));
        s.containers().forEach(g -> guests.add(guest(g, false, poolOf)));
        return new Inventory(s.cluster(), nodes, guests, storages, networks, pools);
    }

    private static Guest guest(Scenario.GuestSpec g, boolean template, Map<Integer, String> poolOf) {
        Map<String, String> cfg = new TreeMap<>(g.config());
        if (template) {
            cfg.put("template", "1");
        }
        String pool = g.pool() != null ? g.pool() : poolOf.getOrDefault(g.vmid(), "");
        PowerState status = PowerState.fromPve(g.status() == null ? "stopped" : g.status());
        GuestRuntime runtime = g.ha().isEmpty() ? GuestRuntime.NONE
                : new GuestRuntime("", g.ha().getOrDefault("state", "started"), 0, List.of(), "");
        boolean lxc = "lxc".equals(g.type()) || cfg.containsKey("hostname");
        return lxc ? new Container(g.vmid(), g.node(), pool, status, cfg, runtime)
                : new VirtualMachine(g.vmid(), g.node(), pool, status, cfg, runtime);
    }

    static GenerationResult generate(Inventory inv) {
        return generate(inv, Map.of(), new ClasspathTemplates(), "https://127.0.0.1:8006");
    }

    static GenerationResult generate(Inventory inv, Map<String, Object> options, ClasspathTemplates templates, String endpoint) {
        return new DocsGenerator().generate(new GenerationRequest(inv, "default", endpoint, options, templates));
    }

    static Map<String, String> byPath(GenerationResult r) {
        Map<String, String> out = new TreeMap<>();
        r.files().forEach(f -> out.put(f.path(), f.content()));
        return out;
    }
}
