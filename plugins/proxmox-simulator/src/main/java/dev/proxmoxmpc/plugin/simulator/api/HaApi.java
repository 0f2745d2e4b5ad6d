package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.ha.HaConfig;
import dev.proxmoxmpc.plugin.simulator.ha.HaManager;
import dev.proxmoxmpc.plugin.simulator.ha.HaSids;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.HaResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /cluster/ha/resources}: list, create, read, update (with {@code digest} and {@code delete}) and delete the
 * entries of resources.cfg; every change is handed to the {@link HaManager}, which brings the guest to the
 * requested state. The cluster has no HA groups: a resource naming one lists {@code errors.group}.
 */
public final class HaApi {
    private static final String UPDATE_FAILED = "update resources config failed: ";

    private final Cluster cluster;
    private final HaManager manager;

    public HaApi(Cluster cluster, HaManager manager) {
        this.cluster = cluster;
        this.manager = manager;
    }

    public void register(Router r) {
        r.get("/cluster/ha/resources", this::list);
        r.post("/cluster/ha/resources", this::create);
        r.get("/cluster/ha/resources/{sid}", req -> HaConfig.entry(resource(HaSids.parse(cluster, req.required("sid")), ""), digest()));
        r.put("/cluster/ha/resources/{sid}", this::update);
        r.delete("/cluster/ha/resources/{sid}", this::delete);
    }

    private String digest() {
        return HaConfig.digest(cluster.haResources.values());
    }

    private HaResource resource(HaSids.Sid s, String errorPrefix) {
        HaResource r = cluster.haResources.get(s.id());
        if (r == null) {
            throw ApiException.failed(errorPrefix + "no such resource '" + s.id() + "'");
        }
        return r;
    }

    private Object list(ApiRequest req) {
        String type = req.param("type").orElse("");
        String digest = digest();
        List<Object> out = new ArrayList<>();
        for (HaResource r : cluster.haResources.values()) {
            if (type.isEmpty() || type.equals(r.type)) {
                Map<String, Object> e = HaConfig.entry(r, digest);
                if (r.options.containsKey("group")) {
                    e.put("errors", Map.of("group", "group '" + r.options.get("group") + "' does not exist"));
                }
                out.add(e);
            }
        }
        return out;
    }

    private Object create(ApiRequest req) {
        HaSids.Sid s = HaSids.parse(cluster, req.required("sid"));
        if (req.param("type").map(t -> !t.equals(s.type())).orElse(false)) {
            throw ApiException.failed("types does not match");
        }
        HaSids.requireGuest(cluster, s);
        if (cluster.haResources.containsKey(s.id())) {
            throw ApiException.failed("create resource failed: resource ID '" + s.id() + "' already defined");
        }
        HaResource r = new HaResource(s.type(), Integer.parseInt(s.name()));
        options(req, r);
        cluster.haResources.put(r.sid(), r);
        manager.reconcile(r);
        return null;
    }

    private Object update(ApiRequest req) {
        HaSids.Sid s = HaSids.parse(cluster, req.required("sid"));
        req.param("group").ifPresent(g -> {
            throw ApiException.failed("HA group '" + g + "' does not exist");
        });
        HaResource existing = cluster.haResources.get(s.id());
        if (existing != null && existing.managed() && "error".equals(existing.crmState)
                && !req.param("state").orElse("").equals("disabled")) {
            throw ApiException.failed("service '" + s.id() + "' in error state, must be disabled and fixed first");
        }
        String digest = req.param("digest").orElse("");
        if (!digest.isEmpty() && !digest.equals(digest())) {
            throw ApiException.failed(UPDATE_FAILED + "detected modified configuration - file changed by other user? Try again.");
        }
        HaResource r = resource(s, UPDATE_FAILED);
        List<String> deletions = deletions(req);
        options(req, r);
        deletions.forEach(r.options::remove);
        manager.reconcile(r);
        return null;
    }

    /** @return the options {@code delete} names; @throws ApiException 500 {@code ... no such option 'x'} */
    private static List<String> deletions(ApiRequest req) {
        List<String> out = new ArrayList<>();
        for (String key : req.param("delete").orElse("").split("[,; ]+")) {
            if (!key.isEmpty() && !HaConfig.options().contains(key)) {
                throw ApiException.failed(UPDATE_FAILED + "no such option '" + key + "'");
            }
            out.add(key);
        }
        return out;
    }

    private Object delete(ApiRequest req) {
        HaSids.Sid s = HaSids.parse(cluster, req.required("sid"));
        if (cluster.haResources.remove(s.id()) == null) {
            throw ApiException.failed("cannot delete service '" + s.id() + "', not HA managed!");
        }
        if (req.param("purge").map(p -> p.equals("1")).orElse(true)) {
            purgeFromRules(cluster, s.id());
        }
        return null;
    }

    /** {@code purge}: the resource leaves every rule naming it; a rule left without resources goes. */
    public static void purgeFromRules(Cluster cluster, String sid) {
        cluster.haRules.entrySet().removeIf(e -> {
            java.util.List<String> rest = new ArrayList<>(dev.proxmoxmpc.plugin.simulator.ha.HaRules.resources(e.getValue()));
            if (!rest.remove(sid)) {
                return false;
            }
            if (rest.isEmpty()) {
                return true;
            }
            e.getValue().put("resources", String.join(",", rest));
            return false;
        });
    }

    private static void options(ApiRequest req, HaResource r) {
        for (String key : HaConfig.options()) {
            req.param(key).ifPresent(v -> r.options.put(key, v));
        }
    }
}
