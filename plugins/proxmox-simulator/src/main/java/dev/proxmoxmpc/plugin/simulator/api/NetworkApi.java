package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Envelope;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.network.InterfaceEdits;
import dev.proxmoxmpc.plugin.simulator.network.InterfacesConfig;
import dev.proxmoxmpc.plugin.simulator.network.NodeInterfaces;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.NodeNetwork;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code /nodes/{node}/network}: interface writes go to {@code /etc/network/interfaces.new}; reads show that
 * staged file (the listing with its {@code changes} diff); {@code PUT} makes it the running file (as the first step
 * of its {@code srvreload} task with id {@code networking}, which then brings the interfaces up), {@code DELETE}
 * reverts it.
 */
public final class NetworkApi {
    private static final String BASE = "/nodes/{node}/network";
    private static final Set<String> NOT_SETTINGS = Set.of("node", "iface", "delete");

    private final Cluster cluster;
    private final TaskRunner runner;

    public NetworkApi(Cluster cluster, TaskRunner runner) {
        this.cluster = cluster;
        this.runner = runner;
    }

    public void register(Router r) {
        r.get(BASE, this::list);
        r.post(BASE, req -> edit(req, c -> InterfaceEdits.create(c, req.required("iface"), settings(req))));
        r.put(BASE, this::reload);
        r.delete(BASE, req -> {
            network(req).revert();
            return null;
        });
        r.get(BASE + "/{iface}", this::read);
        r.put(BASE + "/{iface}", req -> edit(req, c -> InterfaceEdits.update(c, req.required("iface"), settings(req),
                req.param("delete").orElse(null))));
        r.delete(BASE + "/{iface}", req -> edit(req, c -> InterfaceEdits.delete(c, req.required("iface"))));
    }

    private NodeNetwork network(ApiRequest req) {
        return cluster.node(req.node()).network;
    }

    private Object list(ApiRequest req) {
        NodeNetwork n = network(req);
        String type = req.param("type").orElse("");
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> row : NodeInterfaces.rows(NodeInterfaces.read(n))) {
            String t = InterfacesConfig.text(row, "type");
            boolean bridge = t.equals("bridge") || t.equals("OVSBridge");
            boolean match = type.isEmpty() || type.equals("include_sdn") || type.equals(t)
                    || bridge && (type.equals("any_bridge") || type.equals("any_local_bridge"));
            if (match && (!bridge || seesBridges(req.principal()))) {
                out.add(row);
            }
        }
        return Envelope.withChanges(out, NodeInterfaces.changes(n));
    }

    /** Bridges are listed to root@pam and to callers with SDN.Audit or SDN.Use on the local network zone. */
    private static boolean seesBridges(Principal who) {
        return who.userid().equals("root@pam") && who.tokenName().isEmpty() || who.has("SDN.Audit") || who.has("SDN.Use");
    }

    private Object read(ApiRequest req) {
        Map<String, Object> d = NodeInterfaces.read(network(req)).get(req.required("iface"));
        if (d == null) {
            throw ApiException.parameter("iface", "interface does not exist");
        }
        return new LinkedHashMap<>(d);
    }

    private Object edit(ApiRequest req, Consumer<InterfacesConfig> change) {
        NodeNetwork n = network(req);
        InterfacesConfig c = NodeInterfaces.read(n);
        change.accept(c);
        NodeInterfaces.write(n, c);
        return null;
    }

    private static Map<String, String> settings(ApiRequest req) {
        Map<String, String> out = new LinkedHashMap<>(req.params());
        out.keySet().removeAll(NOT_SETTINGS);
        return out;
    }

    private Object reload(ApiRequest req) {
        NodeNetwork n = network(req);
        String node = cluster.node(req.node()).name;
        n.applyStaged();
        return runner.start(req.principal(), node, "srvreload", "networking", null, null, t -> {
            NodeInterfaces.bringUp(n);
            return List.of();
        }, null).upid;
    }
}
