package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.storage.StorageConfig;
import dev.proxmoxmpc.plugin.simulator.storage.StorageEdits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /storage} (storage.cfg: list, create, read, update, delete; see {@link StorageEdits}) and
 * {@code /nodes/{node}/storage}; the content of a storage is {@link ContentApi}'s.
 */
public final class StorageApi {
    private final Cluster cluster;

    public StorageApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/storage", this::definitions);
        r.post("/storage", req -> {
            StorageDef s = StorageEdits.create(cluster, req.params());
            return Map.of("storage", s.id, "type", s.type);
        });
        r.get("/storage/{storage}", this::definition);
        r.put("/storage/{storage}", req -> {
            StorageDef s = StorageEdits.update(cluster, req.required("storage"), req.params());
            return Map.of("storage", s.id, "type", s.type);
        });
        r.delete("/storage/{storage}", req -> {
            StorageEdits.delete(cluster, req.required("storage"));
            return null;
        });
        r.get("/nodes/{node}/storage", this::nodeStorages);
    }

    private Object definitions(ApiRequest req) {
        String digest = StorageConfig.digest(cluster.storages.values());
        String type = req.param("type").orElse("");
        List<Object> out = new ArrayList<>();
        for (StorageDef s : cluster.storages.values()) {
            if ((type.isEmpty() || type.equals(s.type)) && visible(req.principal())) {
                out.add(StorageConfig.entry(s, digest));
            }
        }
        return out;
    }

    private Object definition(ApiRequest req) {
        StorageDef s = cluster.storage(req.required("storage"));
        return StorageConfig.entry(s, StorageConfig.digest(cluster.storages.values()));
    }

    private static boolean visible(Principal who) {
        return who.has("Datastore.Audit") || who.has("Datastore.AllocateSpace");
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
