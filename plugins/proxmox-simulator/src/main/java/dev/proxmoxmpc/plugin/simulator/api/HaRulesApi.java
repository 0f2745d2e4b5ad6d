package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.ha.HaRules;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PVE 9's HA rules ({@code /cluster/ha/rules}, pve-ha-manager {@code PVE::API2::HA::Rules}): list (filters
 * {@code type} and {@code resource}), read, create, update ({@code digest}, {@code delete}; the rule keeps its type)
 * and delete. A create or update checks the options of the rule's type, that every resource is HA-managed and every
 * node exists, then the feasibility of the whole rule set with the new rule; the reads list each rule's problems in
 * {@code errors}. And {@code /cluster/ha/groups} as a PVE 9 cluster answers it: groups were migrated to rules, so
 * it lists none (writes are not served).
 */
public final class HaRulesApi {
    private final Cluster cluster;

    /** @param seed the scenario's rules, each checked as a create */
    public HaRulesApi(Cluster cluster, List<Map<String, Object>> seed) {
        this.cluster = cluster;
        for (Map<String, Object> rule : seed) {
            Map<String, String> p = new LinkedHashMap<>();
            rule.forEach((k, v) -> p.put(k, v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v)));
            try {
                create(p);
            } catch (ApiException e) {
                throw new IllegalArgumentException("HA rule " + p.getOrDefault("rule", "?") + ": " + e.getMessage().trim());
            }
        }
    }

    public void register(Router r) {
        r.get("/cluster/ha/rules", this::list);
        r.post("/cluster/ha/rules", req -> create(req.params()));
        r.get("/cluster/ha/rules/{rule}", this::read);
        r.put("/cluster/ha/rules/{rule}", this::update);
        r.delete("/cluster/ha/rules/{rule}", this::delete);
        r.get("/cluster/ha/groups", req -> List.of());
        r.get("/cluster/ha/groups/{group}", req -> {
            throw ApiException.failed("no such ha group '" + req.required("group") + "'");
        });
    }

    private Object list(ApiRequest req) {
        String type = req.param("type").orElse("");
        String resource = req.param("resource").orElse("");
        Map<String, List<String>> errors = HaRules.feasibility(cluster.haRules, cluster.nodes.size());
        List<Object> out = new ArrayList<>();
        cluster.haRules.forEach((id, r) -> {
            if ((type.isEmpty() || type.equals(r.get("type"))) && (resource.isEmpty() || HaRules.resources(r).contains(resource))) {
                out.add(HaRules.entry(cluster, id, errors));
            }
        });
        return out;
    }

    private Object read(ApiRequest req) {
        String id = req.required("rule");
        if (!cluster.haRules.containsKey(id)) {
            throw ApiException.failed("no such ha rule '" + id + "'");
        }
        return HaRules.entry(cluster, id, HaRules.feasibility(cluster.haRules, cluster.nodes.size()));
    }

    private Object create(Map<String, String> params) {
        String id = params.getOrDefault("rule", "");
        String type = params.getOrDefault("type", "");
        if (!HaRules.knownType(type)) {
            throw ApiException.parameter("type", "value '" + type + "' does not have a value in the enumeration 'node-affinity, resource-affinity'");
        }
        Map<String, String> opts = checked(() -> HaRules.check(type, params, true), "");
        String failed = "create ha rule failed: ";
        if (cluster.haRules.containsKey(id)) {
            throw ApiException.failed(failed + "HA rule '" + id + "' already defined");
        }
        Map<String, String> rule = new LinkedHashMap<>();
        rule.put("type", type);
        rule.putAll(opts);
        admit(id, rule, failed);
        return null;
    }

    private Object update(ApiRequest req) {
        String id = req.required("rule");
        String failed = "update HA rules failed: ";
        String digest = req.param("digest").orElse("");
        if (!digest.isEmpty() && !digest.equals(HaRules.digest(cluster.haRules))) {
            throw ApiException.failed(failed + "detected modified configuration - file changed by other user? Try again.");
        }
        Map<String, String> had = cluster.haRules.get(id);
        if (had == null) {
            throw ApiException.failed(failed + "HA rule '" + id + "' does not exist");
        }
        String type = had.get("type");
        Map<String, String> opts = checked(() -> HaRules.check(type, req.params(), false), failed);
        Map<String, String> rule = new LinkedHashMap<>(had);
        for (String k : req.param("delete").orElse("").split("[,;\\s]+")) {
            if (k.isEmpty()) {
                continue;
            }
            if (!HaRules.options(type).contains(k)) {
                throw ApiException.failed(failed + "no such option '" + k + "'");
            }
            if (k.equals("resources") || k.equals("nodes") || k.equals("affinity")) {
                throw ApiException.failed(failed + "unable to delete required option '" + k + "'");
            }
            if (opts.containsKey(k)) {
                throw ApiException.failed(failed + "cannot set and delete property '" + k + "' at the same time!");
            }
            rule.remove(k);
        }
        rule.putAll(opts);
        admit(id, rule, failed);
        return null;
    }

    /** Checks resources, nodes and the feasibility of the rule set with the rule, then stores it. */
    private void admit(String id, Map<String, String> rule, String failed) {
        List<String> unmanaged = HaRules.resources(rule).stream().filter(sid -> !cluster.haResources.containsKey(sid)).sorted().toList();
        if (!unmanaged.isEmpty()) {
            throw ApiException.failed(failed + "cannot use unmanaged resource(s) " + String.join(", ", unmanaged) + ".");
        }
        List<String> missing = HaRules.nodes(rule.getOrDefault("nodes", "")).keySet().stream()
                .filter(n -> !cluster.nodes.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.failed(failed + "cannot use non-existant node(s) " + String.join(", ", missing) + ".");
        }
        Map<String, Map<String, String>> next = new LinkedHashMap<>(cluster.haRules);
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("type", rule.get("type"));
        new TreeMap<>(rule).forEach((k, v) -> {
            if (!k.equals("type")) {
                ordered.put(k, v);
            }
        });
        next.put(id, ordered);
        List<String> problems = HaRules.feasibility(next, cluster.nodes.size()).get(id);
        if (problems != null) {
            // the 400 of assert_feasibility, stringified by lock_ha_domain's "$errmsg: $err" into a 500
            throw ApiException.failed(failed + "400 Rule '" + id + "' is invalid.\nresources: " + String.join(", ", problems));
        }
        cluster.haRules.put(id, ordered);
    }

    private Object delete(ApiRequest req) {
        cluster.haRules.remove(req.required("rule"));
        return null;
    }

    private static Map<String, String> checked(java.util.function.Supplier<Map<String, String>> check, String prefix) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.failed(prefix + e.getMessage());
        }
    }
}
