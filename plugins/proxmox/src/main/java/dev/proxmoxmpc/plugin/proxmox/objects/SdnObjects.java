package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SDN zones, vnets and subnets ({@code /cluster/sdn/...}): kinds {@code sdn-zone} (id the zone, config with its
 * {@code type}), {@code sdn-vnet} (id the vnet, config with its {@code zone}) and {@code sdn-subnet} (id PVE's subnet id
 * {@code <zone>-<network>-<prefix>}, config with its {@code vnet}; {@code dhcp-range} flattened as
 * {@code dhcp-range.0}, ...). PVE stages every SDN edit until {@code PUT /cluster/sdn} applies them all:
 * <ul>
 *   <li>reads take the running configuration ({@code running=1}): what is in effect on the nodes;</li>
 *   <li>a write is the edit, then {@code PUT /cluster/sdn} and its {@code reloadnetworkall} task;</li>
 *   <li>edits someone else staged and did not apply are neither observed nor desired; since the apply would make them
 *       live too, a write refuses to start while any object other than its own has a pending state.</li>
 * </ul>
 */
final class SdnObjects implements ObjectFamily {
    static final String ZONE = "sdn-zone";
    static final String VNET = "sdn-vnet";
    static final String SUBNET = "sdn-subnet";
    private static final Set<String> VIEW_ONLY = Set.of("digest", "state", "pending");
    private static final Set<String> SUBNET_COMPUTED = Set.of("subnet", "type", "cidr", "network", "mask", "zone");
    private static final String DHCP_RANGE = "dhcp-range";

    @Override
    public String name() {
        return "SDN";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ZONE, VNET, SUBNET);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        return List.of(ObjectRead.cluster(() -> {
            List<ClusterObject> out = new ArrayList<>();
            for (JsonNode z : ctx.get("/cluster/sdn/zones?running=1")) {
                out.add(new ClusterObject(ZONE, "", Json.string(z, "zone"), config(z, Set.of("zone"))));
            }
            for (JsonNode v : ctx.get("/cluster/sdn/vnets?running=1")) {
                String vnet = Json.string(v, "vnet");
                out.add(new ClusterObject(VNET, "", vnet, config(v, Set.of("vnet", "type"))));
                for (JsonNode s : ctx.get("/cluster/sdn/vnets/" + vnet + "/subnets?running=1")) {
                    out.add(new ClusterObject(SUBNET, "", Json.string(s, "subnet"), config(s, SUBNET_COMPUTED)));
                }
            }
            return out;
        }));
    }

    /** @return the keys PVE lists, without ids, computed and view-only keys, lists flattened */
    private static Map<String, String> config(JsonNode o, Set<String> without) {
        Map<String, String> out = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (without.contains(k) || VIEW_ONLY.contains(k)) {
                return;
            }
            if (e.getValue().isArray()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    out.put(k + "." + i, Json.text(e.getValue().get(i)));
                }
            } else {
                out.put(k, Json.text(e.getValue()));
            }
        });
        return out;
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        String kind = c.target().objectKind();
        String id = c.target().objectId();
        if (!w.recording()) {
            refuseForeignPending(w, kind, id);
        }
        String what = c.action().name().toLowerCase(Locale.ROOT) + " " + c.target();
        switch (kind) {
            case ZONE -> zone(w, c, id, what);
            case VNET -> vnet(w, c, id, what);
            case SUBNET -> subnet(w, c, id, what);
            default -> throw new ProviderException(ProviderException.Kind.INVALID, kind + " is not an SDN kind");
        }
        w.message("applying the SDN configuration");
        w.write("apply SDN (" + what + ")", "PUT", "/cluster/sdn", Map.of());
    }

    private static void zone(ObjectWrites w, Change c, String id, String what) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("zone", id);
        switch (c.action()) {
            case CREATE -> {
                p.putAll(params(c.settings()));
                w.write(what, "POST", "/cluster/sdn/zones", p);
            }
            case UPDATE -> {
                p.putAll(params(c.settings()));
                p.remove("type");
                deletions(c, p);
                w.write(what, "PUT", "/cluster/sdn/zones/{zone}", p);
            }
            case DELETE -> w.write(what, "DELETE", "/cluster/sdn/zones/{zone}", p);
            default -> unsupported(c);
        }
    }

    private static void vnet(ObjectWrites w, Change c, String id, String what) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnet", id);
        switch (c.action()) {
            case CREATE -> {
                p.putAll(params(c.settings()));
                w.write(what, "POST", "/cluster/sdn/vnets", p);
            }
            case UPDATE -> {
                p.putAll(params(c.settings()));
                deletions(c, p);
                w.write(what, "PUT", "/cluster/sdn/vnets/{vnet}", p);
            }
            case DELETE -> w.write(what, "DELETE", "/cluster/sdn/vnets/{vnet}", p);
            default -> unsupported(c);
        }
    }

    private static void subnet(ObjectWrites w, Change c, String id, String what) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (c.action()) {
            case CREATE -> {
                p.put("vnet", c.settings().getOrDefault("vnet", ""));
                p.put("subnet", cidr(id));
                p.put("type", "subnet");
                p.putAll(params(c.settings()));
                w.write(what, "POST", "/cluster/sdn/vnets/{vnet}/subnets", p);
            }
            case UPDATE -> {
                p.put("subnet", id);
                p.putAll(params(c.settings()));
                deletions(c, p);
                w.write(what, "PUT", "/cluster/sdn/vnets/{vnet}/subnets/{subnet}", p);
            }
            case DELETE -> {
                p.put("vnet", w.recording() ? "" : vnetOf(w, id));
                p.put("subnet", id);
                w.write(what, "DELETE", "/cluster/sdn/vnets/{vnet}/subnets/{subnet}", p);
            }
            default -> unsupported(c);
        }
    }

    /** @return {@code 10.20.0.0/24} of the subnet id {@code lab-10.20.0.0-24} */
    static String cidr(String subnetId) {
        String rest = subnetId.substring(subnetId.indexOf('-') + 1);
        int dash = rest.lastIndexOf('-');
        return dash < 0 ? rest : rest.substring(0, dash) + "/" + rest.substring(dash + 1);
    }

    /** @return the settings as API parameters: {@code dhcp-range.0} as the one {@code dhcp-range} PVE gets */
    private static Map<String, String> params(Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(DHCP_RANGE + ".")) {
                if (out.containsKey(DHCP_RANGE)) {
                    throw new ProviderException(ProviderException.Kind.INVALID,
                            "proxmox-mpc writes one DHCP range per subnet; set further ranges in PVE");
                }
                out.put(DHCP_RANGE, v);
            } else if (!k.equals("digest")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static void deletions(Change c, Map<String, String> p) {
        Set<String> keys = new TreeSet<>();
        for (String k : c.deletions()) {
            String key = k.startsWith(DHCP_RANGE + ".") ? DHCP_RANGE : k;
            if (!key.equals("digest") && !p.containsKey(key)) {
                keys.add(key);
            }
        }
        if (!keys.isEmpty()) {
            p.put("delete", String.join(",", keys));
        }
    }

    private static String vnetOf(ObjectWrites w, String subnetId) {
        for (JsonNode v : w.get("/cluster/sdn/vnets")) {
            String vnet = Json.string(v, "vnet");
            for (JsonNode s : w.get("/cluster/sdn/vnets/" + vnet + "/subnets")) {
                if (subnetId.equals(Json.string(s, "subnet"))) {
                    return vnet;
                }
            }
        }
        throw new ProviderException(ProviderException.Kind.NOT_FOUND, "SDN subnet " + subnetId + " does not exist");
    }

    /** Refuses when the apply would also make live what someone else staged (anything pending but this object). */
    private static void refuseForeignPending(ObjectWrites w, String kind, String id) {
        List<String> foreign = new ArrayList<>();
        for (JsonNode z : w.get("/cluster/sdn/zones?pending=1")) {
            pending(z, ZONE, Json.string(z, "zone"), kind, id, foreign);
        }
        for (JsonNode v : w.get("/cluster/sdn/vnets?pending=1")) {
            String vnet = Json.string(v, "vnet");
            pending(v, VNET, vnet, kind, id, foreign);
            if (!"new".equals(Json.string(v, "state"))) {
                for (JsonNode s : w.get("/cluster/sdn/vnets/" + vnet + "/subnets?pending=1")) {
                    pending(s, SUBNET, Json.string(s, "subnet"), kind, id, foreign);
                }
            }
        }
        if (!foreign.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.CONFLICT, "SDN has edits not applied yet (" + String.join(", ", foreign)
                    + "); applying " + kind + "/" + id + " would make them live too: apply or roll them back in PVE first");
        }
    }

    private static void pending(JsonNode o, String kind, String oid, String ownKind, String ownId, List<String> out) {
        String state = Json.string(o, "state");
        if (!state.isEmpty() && !(kind.equals(ownKind) && oid.equals(ownId))) {
            out.add(kind + "/" + oid + " " + state);
        }
    }

    private static void unsupported(Change c) {
        throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " is not supported for " + c.target().objectKind());
    }
}
