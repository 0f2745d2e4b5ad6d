package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PVE's firewall: options of the cluster, a node or a guest ({@code firewall-options}, id {@code ""}); the rules of
 * such a scope as ONE object ({@code firewall-rules}, keys {@code rule.<pos>.<key>} in PVE's position order); aliases
 * ({@code firewall-alias}, id its name: {@code cidr}, {@code comment}) and IP sets ({@code firewall-ipset}, id its name:
 * {@code comment}, entries sorted by address as {@code cidr.<n>}, {@code cidr.<n>.comment}, {@code cidr.<n>.nomatch})
 * of the cluster or a guest; security groups ({@code firewall-group}, cluster-wide, id the group: {@code comment} and
 * its rules as {@code rule.<pos>.<key>}). The computed {@code digest}, {@code pos} and {@code ipversion} are left out;
 * an empty scope (no options, no rules) has no object. Reads: one unit for the cluster, one per online node (2 GETs),
 * one per guest: its options, rules and {@code refs} (what its rules may name: the cluster's aliases and IP sets and
 * its own, by scope), then its aliases only when {@code refs} lists one of its own, and each IP set of its own (3 GETs
 * for most guests, where listing aliases and IP sets took 4). A guest's firewall file exists whether or not its NICs
 * use it, so every guest is read.
 *
 * <p>Rules are known to PVE only by position. A change converges the whole list: a rule already equal stays, a
 * differing one is rewritten in place ({@code PUT .../rules/<pos>} with {@code delete} for keys it no longer has),
 * missing ones are added (PVE puts a new rule on top: it is then moved to the end with {@code moveto}) and surplus
 * ones deleted from the end. The first write carries the digest of the list it was computed from.
 */
final class Firewall implements ObjectFamily {
    static final String OPTIONS = "firewall-options";
    static final String RULES = "firewall-rules";
    static final String ALIAS = "firewall-alias";
    static final String IPSET = "firewall-ipset";
    static final String GROUP = "firewall-group";
    /** The keys of a rule, in the order PVE lists them. */
    static final List<String> RULE_KEYS = List.of("type", "action", "macro", "iface", "source", "dest", "proto", "dport",
            "sport", "icmp-type", "log", "comment", "enable");
    private static final List<String> DELETABLE = List.of("macro", "iface", "source", "dest", "proto", "dport", "sport",
            "icmp-type", "log", "comment");
    private static final Set<String> COMPUTED = Set.of("digest", "pos", "ipversion");

    @Override
    public String name() {
        return "firewall";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(OPTIONS, RULES, ALIAS, IPSET, GROUP);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        List<ObjectRead> out = new ArrayList<>();
        out.add(ObjectRead.cluster(() -> {
            List<ClusterObject> objs = new ArrayList<>();
            String base = "/cluster/firewall";
            options(ctx.get(base + "/options"), "", objs);
            rules(ctx.get(base + "/rules"), RULES, "", "", Map.of(), objs);
            aliases(ctx, base, "", objs);
            ipsets(ctx, base, "", objs);
            for (JsonNode g : ctx.get(base + "/groups")) {
                String group = Json.string(g, "group");
                Map<String, String> head = new TreeMap<>();
                String comment = Json.string(g, "comment");
                if (!comment.isEmpty()) {
                    head.put("comment", comment);
                }
                rules(ctx.get(base + "/groups/" + group), GROUP, "", group, head, objs);
                if (objs.stream().noneMatch(o -> o.kind().equals(GROUP) && o.id().equals(group))) {
                    objs.add(new ClusterObject(GROUP, "", group, head));
                }
            }
            return objs;
        }));
        for (String node : ctx.onlineNodes()) {
            out.add(new ObjectRead(node, () -> {
                List<ClusterObject> objs = new ArrayList<>();
                String base = "/nodes/" + node + "/firewall";
                options(ctx.get(base + "/options"), "node/" + node, objs);
                rules(ctx.get(base + "/rules"), RULES, "node/" + node, "", Map.of(), objs);
                return objs;
            }));
        }
        for (ObjectReads.Guest g : ctx.guests()) {
            out.add(new ObjectRead(g.node(), () -> {
                List<ClusterObject> objs = new ArrayList<>();
                String base = g.path() + "/firewall";
                options(ctx.get(base + "/options"), g.scope(), objs);
                rules(ctx.get(base + "/rules"), RULES, g.scope(), "", Map.of(), objs);
                List<JsonNode> own = new ArrayList<>();
                boolean scoped = true;
                for (JsonNode r : ctx.get(base + "/refs")) {
                    scoped &= r.hasNonNull("scope");
                    if (Json.string(r, "scope").equals("guest")) {
                        own.add(r);
                    }
                }
                if (!scoped) { // a server that does not say whose a reference is: list both as before
                    aliases(ctx, base, g.scope(), objs);
                    ipsets(ctx, base, g.scope(), objs);
                    return objs;
                }
                if (own.stream().anyMatch(r -> Json.string(r, "type").equals("alias"))) {
                    aliases(ctx, base, g.scope(), objs);
                }
                ipsets(ctx, base, g.scope(), own.stream().filter(r -> Json.string(r, "type").equals("ipset")).toList(), objs);
                return objs;
            }));
        }
        return out;
    }

    private static void options(JsonNode options, String scope, List<ClusterObject> out) {
        Map<String, String> config = Json.strings(options);
        COMPUTED.forEach(config::remove);
        if (!config.isEmpty()) {
            out.add(new ClusterObject(OPTIONS, scope, "", config));
        }
    }

    /** Adds the rules as {@code rule.<pos>.<key>} to {@code head}: an object of {@code kind} when there are any. */
    private static void rules(JsonNode rules, String kind, String scope, String id, Map<String, String> head, List<ClusterObject> out) {
        Map<String, String> config = new TreeMap<>(head);
        int pos = 0;
        for (JsonNode r : rules) {
            for (Map.Entry<String, String> e : Json.strings(r).entrySet()) {
                if (!COMPUTED.contains(e.getKey())) {
                    config.put("rule." + pos + "." + e.getKey(), e.getValue());
                }
            }
            pos++;
        }
        if (pos > 0) {
            out.add(new ClusterObject(kind, scope, id, config));
        }
    }

    private static void aliases(ObjectReads ctx, String base, String scope, List<ClusterObject> out) {
        for (JsonNode a : ctx.get(base + "/aliases")) {
            Map<String, String> config = Json.strings(a);
            config.remove("name");
            COMPUTED.forEach(config::remove);
            out.add(new ClusterObject(ALIAS, scope, Json.string(a, "name"), config));
        }
    }

    private static void ipsets(ObjectReads ctx, String base, String scope, List<ClusterObject> out) {
        List<JsonNode> sets = new ArrayList<>();
        ctx.get(base + "/ipset").forEach(sets::add);
        ipsets(ctx, base, scope, sets, out);
    }

    /** @param sets the IP sets as listed ({@code name}, {@code comment}): by {@code .../ipset} or a guest's {@code refs} */
    private static void ipsets(ObjectReads ctx, String base, String scope, List<JsonNode> sets, List<ClusterObject> out) {
        for (JsonNode s : sets) {
            String name = Json.string(s, "name");
            Map<String, String> config = new TreeMap<>();
            String comment = Json.string(s, "comment");
            if (!comment.isEmpty()) {
                config.put("comment", comment);
            }
            List<Map<String, String>> entries = new ArrayList<>();
            for (JsonNode e : ctx.get(base + "/ipset/" + name)) {
                entries.add(Json.strings(e));
            }
            entries.sort((x, y) -> x.getOrDefault("cidr", "").compareTo(y.getOrDefault("cidr", "")));
            for (int i = 0; i < entries.size(); i++) {
                Map<String, String> e = entries.get(i);
                config.put("cidr." + i, e.getOrDefault("cidr", ""));
                if (!e.getOrDefault("comment", "").isEmpty()) {
                    config.put("cidr." + i + ".comment", e.get("comment"));
                }
                if (e.getOrDefault("nomatch", "0").equals("1")) {
                    config.put("cidr." + i + ".nomatch", "1");
                }
            }
            out.add(new ClusterObject(IPSET, scope, name, config));
        }
    }

    // ---- writes

    @Override
    public void write(ObjectWrites w, Change c) {
        String kind = c.target().objectKind();
        String id = c.target().objectId();
        String what = c.action().name().toLowerCase(Locale.ROOT) + " " + c.target();
        Base base = base(w, c.target().node());
        boolean delete = c.action() == ChangeAction.DELETE;
        if (!delete && c.action() != ChangeAction.CREATE && c.action() != ChangeAction.UPDATE) {
            throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " is not supported for " + kind);
        }
        Map<String, String> want = delete ? Map.of() : c.settings();
        switch (kind) {
            case OPTIONS -> writeOptions(w, what, base, want, c.deletions(), delete);
            case RULES -> converge(w, what, base.template + "/rules", base.template + "/rules/{pos}", base.params, ruleList(want));
            case ALIAS -> writeAlias(w, what, base, id, want, c.action());
            case IPSET -> writeIpSet(w, what, base, id, want, c.action());
            case GROUP -> writeGroup(w, what, id, want, c.action());
            default -> throw new ProviderException(ProviderException.Kind.INVALID, "not a firewall kind: " + kind);
        }
    }

    /** Where a scope's firewall lives: the path template and the parameters filling it. */
    record Base(String template, String path, Map<String, String> params) {
    }

    static Base base(ObjectWrites w, String scope) {
        if (scope.isEmpty()) {
            return new Base("/cluster/firewall", "/cluster/firewall", Map.of());
        }
        if (scope.startsWith("node/")) {
            String node = scope.substring(5);
            return new Base("/nodes/{node}/firewall", "/nodes/" + node + "/firewall", Map.of("node", node));
        }
        boolean qemu = scope.startsWith("vm/");
        String vmid = scope.substring(3);
        String node = "";
        for (JsonNode r : w.get("/cluster/resources")) {
            if (Json.string(r, "vmid").equals(vmid) && Json.string(r, "type").equals(qemu ? "qemu" : "lxc")) {
                node = Json.string(r, "node");
            }
        }
        if (node.isEmpty() && !w.recording()) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, "guest " + vmid + " is not in the cluster");
        }
        String kind = qemu ? "qemu" : "lxc";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("node", node);
        params.put("vmid", vmid);
        return new Base("/nodes/{node}/" + kind + "/{vmid}/firewall", "/nodes/" + node + "/" + kind + "/" + vmid + "/firewall", params);
    }

    private static void writeOptions(ObjectWrites w, String what, Base base, Map<String, String> want, List<String> deletions, boolean delete) {
        Map<String, String> p = new LinkedHashMap<>(base.params);
        p.putAll(want);
        List<String> remove = new ArrayList<>(deletions);
        if (delete) {
            for (String k : Json.strings(w.get(base.path + "/options")).keySet()) {
                if (!COMPUTED.contains(k)) {
                    remove.add(k);
                }
            }
        }
        if (!remove.isEmpty()) {
            p.put("delete", String.join(",", remove));
        }
        w.write(what, "PUT", base.template + "/options", p);
    }

    private static void writeAlias(ObjectWrites w, String what, Base base, String name, Map<String, String> want, ChangeAction action) {
        Map<String, String> p = new LinkedHashMap<>(base.params);
        p.put("name", name);
        switch (action) {
            case CREATE -> {
                p.putAll(want);
                w.write(what, "POST", base.template + "/aliases", p);
            }
            case UPDATE -> {
                p.putAll(want); // PUT replaces the alias: a comment left out is removed
                w.write(what, "PUT", base.template + "/aliases/{name}", p);
            }
            default -> w.write(what, "DELETE", base.template + "/aliases/{name}", p);
        }
    }

    private static void writeIpSet(ObjectWrites w, String what, Base base, String name, Map<String, String> want, ChangeAction action) {
        Map<String, String> p = new LinkedHashMap<>(base.params);
        p.put("name", name);
        if (action == ChangeAction.DELETE) {
            p.put("force", "1");
            w.write(what, "DELETE", base.template + "/ipset/{name}", p);
            return;
        }
        Map<String, Map<String, String>> current = new LinkedHashMap<>();
        if (action == ChangeAction.CREATE) {
            if (!want.getOrDefault("comment", "").isEmpty()) {
                p.put("comment", want.get("comment"));
            }
            w.write(what, "POST", base.template + "/ipset", p);
        } else {
            p.put("rename", name); // PVE changes an IP set's comment through a rename to itself
            p.put("comment", want.getOrDefault("comment", ""));
            w.write(what, "POST", base.template + "/ipset", p);
            for (JsonNode e : w.get(base.path + "/ipset/" + name)) {
                current.put(Json.string(e, "cidr"), Json.strings(e));
            }
        }
        Map<String, Map<String, String>> desired = entries(want);
        for (String cidr : current.keySet()) {
            if (!desired.containsKey(cidr)) {
                Map<String, String> d = new LinkedHashMap<>(base.params);
                d.put("name", name);
                d.put("cidr", cidr);
                w.write(what, "DELETE", base.template + "/ipset/{name}/{cidr}", d);
            }
        }
        desired.forEach((cidr, e) -> {
            Map<String, String> have = current.get(cidr);
            Map<String, String> q = new LinkedHashMap<>(base.params);
            q.put("name", name);
            q.put("cidr", cidr);
            if (have == null) {
                if (!e.getOrDefault("comment", "").isEmpty()) {
                    q.put("comment", e.get("comment"));
                }
                if (e.getOrDefault("nomatch", "0").equals("1")) {
                    q.put("nomatch", "1");
                }
                w.write(what, "POST", base.template + "/ipset/{name}", q);
            } else if (!have.getOrDefault("comment", "").equals(e.getOrDefault("comment", ""))
                    || !have.getOrDefault("nomatch", "0").equals(e.getOrDefault("nomatch", "0"))) {
                q.put("comment", e.getOrDefault("comment", ""));
                q.put("nomatch", e.getOrDefault("nomatch", "0"));
                w.write(what, "PUT", base.template + "/ipset/{name}/{cidr}", q);
            }
        });
    }

    /** @return the entries of a flattened IP set by address: {@code comment}, {@code nomatch} */
    static Map<String, Map<String, String>> entries(Map<String, String> config) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int i = 0; config.containsKey("cidr." + i); i++) {
            Map<String, String> e = new LinkedHashMap<>();
            String prefix = "cidr." + i + ".";
            config.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    e.put(k.substring(prefix.length()), v);
                }
            });
            out.put(config.get("cidr." + i), e);
        }
        return out;
    }

    private static void writeGroup(ObjectWrites w, String what, String group, Map<String, String> want, ChangeAction action) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("group", group);
        String template = "/cluster/firewall/groups/{group}";
        switch (action) {
            case CREATE -> {
                if (!want.getOrDefault("comment", "").isEmpty()) {
                    p.put("comment", want.get("comment"));
                }
                w.write(what, "POST", "/cluster/firewall/groups", p);
            }
            case UPDATE -> {
                p.put("rename", group); // PVE changes a group's comment through a rename to itself
                p.put("comment", want.getOrDefault("comment", ""));
                w.write(what, "POST", "/cluster/firewall/groups", p);
            }
            default -> {
            }
        }
        converge(w, what, template, template + "/{pos}", Map.of("group", group), ruleList(want));
        if (action == ChangeAction.DELETE) {
            w.write(what, "DELETE", template, p);
        }
    }

    /** @return the rules of a flattened object, in position order */
    static List<Map<String, String>> ruleList(Map<String, String> config) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            String prefix = "rule." + i + ".";
            Map<String, String> rule = new LinkedHashMap<>();
            for (String key : RULE_KEYS) {
                String v = config.get(prefix + key);
                if (v != null) {
                    rule.put(key, v);
                }
            }
            if (rule.isEmpty()) {
                return out;
            }
            out.add(rule);
        }
    }

    /**
     * Makes the rule list at {@code listTemplate} equal to {@code want}: rewrites differing rules in place, adds
     * missing ones at the end, deletes surplus ones from the end.
     */
    static void converge(ObjectWrites w, String what, String listTemplate, String itemTemplate, Map<String, String> pathParams,
                         List<Map<String, String>> want) {
        List<Map<String, String>> have = new ArrayList<>();
        String digest = "";
        // the privilege pre-check records without reading (and may not know a guest's node): every rule is then new
        JsonNode current = w.recording() ? w.get(listTemplate) : w.get(PathTemplate.fill(listTemplate, pathParams).path());
        for (JsonNode r : current) {
            Map<String, String> rule = new LinkedHashMap<>(Json.strings(r));
            digest = rule.getOrDefault("digest", digest);
            COMPUTED.forEach(rule::remove);
            have.add(rule);
        }
        String[] first = {digest};
        for (int i = 0; i < Math.min(have.size(), want.size()); i++) {
            if (have.get(i).equals(want.get(i))) {
                continue;
            }
            Map<String, String> p = params(pathParams, first);
            p.put("pos", Integer.toString(i));
            p.putAll(want.get(i));
            Map<String, String> had = have.get(i);
            Map<String, String> wanted = want.get(i);
            List<String> gone = DELETABLE.stream().filter(k -> had.containsKey(k) && !wanted.containsKey(k)).toList();
            if (!gone.isEmpty()) {
                p.put("delete", String.join(",", gone));
            }
            w.write(what, "PUT", itemTemplate, p);
        }
        for (int i = have.size(); i < want.size(); i++) {
            Map<String, String> p = params(pathParams, first);
            p.putAll(want.get(i));
            w.write(what, "POST", listTemplate, p);
            if (i > 0) { // PVE puts a new rule on top: move it after the others
                Map<String, String> m = params(pathParams, first);
                m.put("pos", "0");
                m.put("moveto", Integer.toString(i + 1));
                w.write(what, "PUT", itemTemplate, m);
            }
        }
        for (int i = have.size() - 1; i >= want.size(); i--) {
            Map<String, String> p = params(pathParams, first);
            p.put("pos", Integer.toString(i));
            w.write(what, "DELETE", itemTemplate, p);
        }
    }

    private static Map<String, String> params(Map<String, String> pathParams, String[] digest) {
        Map<String, String> p = new LinkedHashMap<>(pathParams);
        if (!digest[0].isEmpty()) {
            p.put("digest", digest[0]);
            digest[0] = "";
        }
        return p;
    }
}
