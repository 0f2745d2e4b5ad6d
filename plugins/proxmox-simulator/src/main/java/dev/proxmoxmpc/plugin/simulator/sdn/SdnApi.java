package dev.proxmoxmpc.plugin.simulator.sdn;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.sdn.SdnViews.Mode;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SDN zones, vnets and subnets ({@code /cluster/sdn/...}) as PVE 9 keeps them: every create, change and delete edits
 * the configuration files only, GETs show them (the edited config by default, {@code running=1} what runs,
 * {@code pending=1} both with a {@code state}), and {@code PUT /cluster/sdn} commits the edits as the running config
 * in a {@code reloadnetworkall} task that reloads the network on every node. Seeded from the scenario's {@code sdn}
 * and applied. Privileges: the schema's checks, and SDN.Audit / SDN.Allocate where PVE checks them in the handler.
 */
public final class SdnApi {
    private static final Set<String> NOT_KEYS = Set.of("lock-token", "release-lock", "digest", "delete");

    private final Cluster cluster;
    private final TaskRunner runner;
    private final SdnConfig cfg = new SdnConfig();

    public SdnApi(Cluster cluster, TaskRunner runner, SdnSeed seed) {
        this.cluster = cluster;
        this.runner = runner;
        seed.zones().forEach(z -> createZone(strings(z)));
        seed.vnets().forEach(v -> createVnet(strings(v)));
        seed.subnets().forEach(s -> createSubnet(strings(s)));
        cfg.commit();
    }

    public void register(Router r) {
        r.get("/cluster/sdn", req -> List.of("vnets", "zones", "controllers", "ipams", "dns", "fabrics").stream()
                .map(id -> Map.of("id", id)).toList());
        r.put("/cluster/sdn", this::apply);
        r.get("/cluster/sdn/zones", req -> list(req, "zones", req.param("type").orElse(""), ""));
        r.post("/cluster/sdn/zones", req -> createZone(allocate(req).params()));
        r.get("/cluster/sdn/zones/{zone}", req -> one(req, "zones", req.required("zone"), "sdn '%s' does not exist"));
        r.put("/cluster/sdn/zones/{zone}", req -> update(allocate(req), "zones", req.required("zone"), "sdn '%s' does not exist"));
        r.delete("/cluster/sdn/zones/{zone}", this::deleteZone);
        r.get("/cluster/sdn/vnets", req -> list(req, "vnets", "", ""));
        r.post("/cluster/sdn/vnets", req -> createVnet(allocate(req).params()));
        r.get("/cluster/sdn/vnets/{vnet}", req -> one(audit(req), "vnets", req.required("vnet"), "sdn vnet '%s' does not exist"));
        r.put("/cluster/sdn/vnets/{vnet}", req -> update(allocate(req), "vnets", req.required("vnet"), "sdn vnet '%s' does not exist"));
        r.delete("/cluster/sdn/vnets/{vnet}", this::deleteVnet);
        r.get("/cluster/sdn/vnets/{vnet}/subnets", req -> list(audit(req), "subnets", "", req.required("vnet")));
        r.post("/cluster/sdn/vnets/{vnet}/subnets", req -> createSubnet(allocate(req).params()));
        r.get("/cluster/sdn/vnets/{vnet}/subnets/{subnet}", req -> one(audit(req), "subnets", req.required("subnet"), "sdn subnet '%s' does not exist"));
        r.put("/cluster/sdn/vnets/{vnet}/subnets/{subnet}", req -> update(allocate(req), "subnets", req.required("subnet"), "sdn subnet '%s' does not exist"));
        r.delete("/cluster/sdn/vnets/{vnet}/subnets/{subnet}", this::deleteSubnet);
    }

    private Object apply(ApiRequest req) {
        cfg.commit();
        String node = cluster.nodes.keySet().iterator().next();
        List<String> nodes = new ArrayList<>(cluster.nodes.keySet());
        return runner.start(req.principal(), node, "reloadnetworkall", "", null, null,
                t -> nodes.stream().map(n -> "reload network config on node '" + n + "'").toList(), null).upid;
    }

    private Mode mode(ApiRequest req) {
        return req.flag("pending") ? Mode.PENDING : req.flag("running") ? Mode.RUNNING : Mode.EDITED;
    }

    private Object list(ApiRequest req, String section, String type, String vnet) {
        if (!req.principal().has("SDN.Audit") && !req.principal().has("SDN.Allocate")) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> s : SdnViews.sections(cfg, section, mode(req)).values()) {
            boolean typeOk = type.isEmpty() || type.equals(s.get("type"));
            boolean vnetOk = vnet.isEmpty() || vnet.equals(s.get("vnet"));
            if (typeOk && vnetOk) {
                out.add(s);
            }
        }
        return out;
    }

    private Object one(ApiRequest req, String section, String id, String missing) {
        Map<String, Object> s = SdnViews.sections(cfg, section, mode(req)).get(id);
        if (s == null) {
            throw ApiException.failed(String.format(missing, id) + "\n");
        }
        return s;
    }

    private Object createZone(Map<String, String> p) {
        String id = p.get("zone");
        SdnRules.id("zone", "zone", id);
        if (cfg.edited("zones").containsKey(id)) {
            throw ApiException.failed("sdn zone object ID '" + id + "' already defined\n");
        }
        Map<String, Object> keys = keys(p, "zone");
        SdnRules.zone(p.get("type"), keys);
        cfg.edited("zones").put(id, keys);
        return null;
    }

    private Object createVnet(Map<String, String> p) {
        String id = p.get("vnet");
        SdnRules.id("vnet", "vnet", id);
        if (cfg.edited("vnets").containsKey(id)) {
            throw ApiException.failed("sdn vnet object ID '" + id + "' already defined\n");
        }
        Map<String, Object> keys = keys(p, "vnet");
        keys.put("type", "vnet");
        checkVnet(id, keys);
        cfg.edited("vnets").put(id, keys);
        return null;
    }

    private void checkVnet(String id, Map<String, Object> keys) {
        String zone = String.valueOf(keys.get("zone"));
        Map<String, Object> z = cfg.edited("zones").get(zone);
        if (z == null) {
            throw ApiException.parameter("zone", "zone '" + zone + "' doesn't exist");
        }
        SdnRules.vnetTag(id, keys, String.valueOf(z.get("type")), cfg.edited("vnets"), cfg.edited("zones"));
    }

    private Object createSubnet(Map<String, String> p) {
        String cidr = p.get("subnet");
        String vnet = p.get("vnet");
        Map<String, Object> v = cfg.edited("vnets").get(vnet);
        if (v == null) {
            throw ApiException.failed("sdn vnet '" + vnet + "' does not exist\n");
        }
        if (!cidr.matches("[0-9a-fA-F.:]+/\\d{1,3}")) {
            throw ApiException.parameter("subnet", "invalid format - invalid subnet " + cidr);
        }
        String id = v.get("zone") + "-" + cidr.replace('/', '-');
        if (cfg.edited("subnets").containsKey(id)) {
            throw ApiException.failed("sdn subnet object ID '" + id + "' already defined\n");
        }
        Map<String, Object> keys = keys(p, "subnet");
        keys.put("type", "subnet");
        SdnRules.gateway(cidr, keys.get("gateway"));
        cfg.edited("subnets").put(id, keys);
        return null;
    }

    private Object update(ApiRequest req, String section, String id, String missing) {
        Map<String, Object> had = cfg.edited(section).get(id);
        if (had == null) {
            throw ApiException.failed(String.format(missing, id) + "\n");
        }
        String digest = req.param("digest").orElse("");
        if (!digest.isEmpty() && !digest.equals(cfg.digest(section))) {
            throw ApiException.failed("detected modified configuration - file changed by other user? Try again.\n");
        }
        Map<String, Object> now = new LinkedHashMap<>(had);
        String idKey = section.equals("zones") ? "zone" : section.equals("vnets") ? "vnet" : "subnet";
        now.putAll(keys(req.params(), idKey));
        if (section.equals("subnets")) {
            now.put("vnet", had.get("vnet"));
        }
        for (String key : req.param("delete").orElse("").split("[,; ]+")) {
            if (!key.isEmpty()) {
                now.remove(key);
            }
        }
        switch (section) {
            case "zones" -> SdnRules.zone(String.valueOf(had.get("type")), now);
            case "vnets" -> checkVnet(id, now);
            default -> SdnRules.gateway(String.valueOf(SdnViews.shown(section, id, now).get("cidr")), now.get("gateway"));
        }
        cfg.edited(section).put(id, now);
        return null;
    }

    private Object deleteZone(ApiRequest req) {
        allocate(req);
        String id = req.required("zone");
        if (cfg.edited("zones").get(id) == null) {
            throw ApiException.failed("sdn '" + id + "' does not exist\n");
        }
        cfg.edited("vnets").forEach((vnet, keys) -> {
            if (id.equals(keys.get("zone"))) {
                throw ApiException.failed("zone " + id + " is used by vnet " + vnet);
            }
        });
        cfg.edited("zones").remove(id);
        return null;
    }

    private Object deleteVnet(ApiRequest req) {
        allocate(req);
        String id = req.required("vnet");
        if (cfg.edited("vnets").get(id) == null) {
            throw ApiException.failed("sdn vnet '" + id + "' does not exist\n");
        }
        if (cfg.edited("subnets").values().stream().anyMatch(s -> id.equals(s.get("vnet")))) {
            throw ApiException.parameter("vnet", "Can't delete vnet if subnets exists");
        }
        cfg.edited("vnets").remove(id);
        return null;
    }

    private Object deleteSubnet(ApiRequest req) {
        allocate(req);
        String id = req.required("subnet");
        Map<String, Object> s = cfg.edited("subnets").get(id);
        if (s == null || !req.required("vnet").equals(s.get("vnet"))) {
            throw ApiException.failed("sdn subnet '" + id + "' does not exist\n");
        }
        cfg.edited("subnets").remove(id);
        return null;
    }

    /** @return the section keys of a create or update: every parameter but the id, the lock token, digest, delete */
    private static Map<String, Object> keys(Map<String, String> params, String idKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals(idKey) && !NOT_KEYS.contains(k)) {
                out.put(k, k.equals("dhcp-range") || k.equals("secondary-controllers") ? Arrays.asList(v.split("\0")) : v);
            }
        });
        return out;
    }

    /** vnets and subnets check SDN.Allocate (on /sdn/zones/<zone>/<vnet>) in their handlers */
    private static ApiRequest allocate(ApiRequest req) {
        if (!req.principal().has("SDN.Allocate")) {
            throw ApiException.forbidden("Permission check failed (/sdn/zones, SDN.Allocate)");
        }
        return req;
    }

    private static ApiRequest audit(ApiRequest req) {
        if (!req.principal().has("SDN.Audit") && !req.principal().has("SDN.Allocate")) {
            throw ApiException.forbidden("Permission check failed (/sdn/zones, SDN.Audit|SDN.Allocate)");
        }
        return req;
    }

    private static Map<String, String> strings(Map<String, Object> seed) {
        Map<String, String> out = new LinkedHashMap<>();
        seed.forEach((k, v) -> out.put(k, v instanceof Boolean b ? (b ? "1" : "0")
                : v instanceof List<?> l ? String.join("\0", l.stream().map(String::valueOf).toList()) : String.valueOf(v)));
        return out;
    }
}
