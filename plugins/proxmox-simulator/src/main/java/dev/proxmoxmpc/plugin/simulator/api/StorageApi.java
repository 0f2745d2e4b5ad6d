package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /storage} (storage.cfg) and {@code /nodes/{node}/storage}; the content of a storage is {@link ContentApi}'s. */
public final class StorageApi {
    private static final Set<String> NOT_PROPS = Set.of("storage", "type", "content", "shared", "nodes", "disable", "password");
    private final Cluster cluster;

    public StorageApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/storage", this::definitions);
        r.post("/storage", this::create);
        r.get("/nodes/{node}/storage", this::nodeStorages);
    }

    private String digest() {
        StringBuilder sb = new StringBuilder();
        for (StorageDef s : cluster.storages.values()) {
            sb.append(s.type).append(": ").append(s.id).append('\n').append("\tcontent ").append(s.content).append('\n');
            s.props.forEach((k, v) -> sb.append('\t').append(k).append(' ').append(v).append('\n'));
            if (s.shared) {
                sb.append("\tshared 1\n");
            }
            if (!s.nodes.isEmpty()) {
                sb.append("\tnodes ").append(s.nodes).append('\n');
            }
            sb.append('\n');
        }
        return ConfigText.sha1(sb.toString());
    }

    private Object definitions(ApiRequest req) {
        String digest = digest();
        String type = req.param("type").orElse("");
        List<Object> out = new ArrayList<>();
        for (StorageDef s : cluster.storages.values()) {
            if (!type.isEmpty() && !type.equals(s.type) || !visible(req.principal())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("storage", s.id);
            m.put("type", s.type);
            m.put("content", s.content);
            s.props.forEach(m::put);
            if (s.shared) {
                m.put("shared", 1);
            }
            if (!s.nodes.isEmpty()) {
                m.put("nodes", s.nodes);
            }
            m.put("digest", digest);
            out.add(m);
        }
        return out;
    }

    private static boolean visible(Principal who) {
        return who.has("Datastore.Audit") || who.has("Datastore.AllocateSpace");
    }

    private Object create(ApiRequest req) {
        String id = req.required("storage");
        if (cluster.storages.containsKey(id)) {
            throw ApiException.failed("create storage failed: storage ID '" + id + "' already defined");
        }
        String type = req.required("type");
        String content = req.param("content").orElse(type.equals("dir") || type.equals("nfs") ? "images,rootdir,iso,vztmpl,backup"
                : "images,rootdir");
        StorageDef s = new StorageDef(id, type, String.join(",", content.split("[,; ]+")), req.flag("shared")
                || type.equals("nfs") || type.equals("cifs") || type.equals("rbd") || type.equals("cephfs"), 1024L << 30);
        req.param("nodes").ifPresent(n -> s.nodes = n);
        req.params().forEach((k, v) -> {
            if (!NOT_PROPS.contains(k)) {
                s.props.put(k, v);
            }
        });
        cluster.storages.put(id, s);
        return Map.of("storage", id, "type", type);
    }

    private Object nodeStorages(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        String content = req.param("content").orElse("");
        List<Object> out = new ArrayList<>();
        for (StorageDef s : cluster.storages.values()) {
            if (!s.availableOn(node) || !visible(req.principal()) || req.param("storage").map(x -> !x.equals(s.id)).orElse(false)) {
                continue;
            }
            if (!content.isEmpty() && List.of(content.split(",")).stream().noneMatch(s::allows)) {
                continue;
            }
            long used = cluster.used(s, node);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("storage", s.id);
            m.put("type", s.type);
            m.put("content", s.content);
            m.put("active", 1);
            m.put("enabled", 1);
            m.put("shared", s.shared ? 1 : 0);
            m.put("total", s.capacityBytes);
            m.put("used", used);
            m.put("avail", s.capacityBytes - used);
            m.put("used_fraction", s.capacityBytes == 0 ? 0.0 : (double) used / s.capacityBytes);
            out.add(m);
        }
        return out;
    }
}
