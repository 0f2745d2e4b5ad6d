package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.plugin.terraform.hcl.HclValue;
import dev.proxmoxmpc.plugin.terraform.mapping.Unknown;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * SDN zones, vnets and subnets as {@code proxmox_sdn_zone_simple|vlan|vxlan|evpn}, {@code proxmox_sdn_vnet} and
 * {@code proxmox_sdn_subnet} (import ids: the zone, the vnet, {@code <vnet>/<subnet id>}), and one
 * {@code proxmox_sdn_applier} that applies them after every change, as the provider needs (bpg's SDN resources only
 * stage their edits). Zone types the provider has no resource for (qinq, faucet) stay in proxmox-mpc's state, named in
 * a note. The long {@code proxmox_virtual_environment_sdn_*} names are read back too.
 */
final class SdnMapping implements ObjectMapping {
    static final String ZONE = "sdn-zone";
    static final String VNET = "sdn-vnet";
    static final String SUBNET = "sdn-subnet";
    private static final String PREFIX = "proxmox_sdn_";
    private static final String LONG = "proxmox_virtual_environment_sdn_";
    private static final String APPLIER = "applier";
    private static final List<String> ZONE_TYPES = List.of("simple", "vlan", "vxlan", "evpn");

    private static final Map<String, FlatAttributes> ZONES = Map.of(
            "simple", common().string("dhcp", "dhcp").build(),
            "vlan", common().string("bridge", "bridge").build(),
            "vxlan", common().list("peers", "peers", "[,;\\s]+", ",").build(),
            "evpn", common().string("controller", "controller").number("vrf-vxlan", "vrf_vxlan")
                    .bool("advertise-subnets", "advertise_subnets").bool("disable-arp-nd-suppression", "disable_arp_nd_suppression")
                    .list("exitnodes", "exit_nodes", "[,;\\s]+", ",").bool("exitnodes-local-routing", "exit_nodes_local_routing")
                    .string("exitnodes-primary", "primary_exit_node").string("rt-import", "rt_import").build());
    private static final FlatAttributes VNETS = FlatAttributes.builder()
            .string("zone", "zone")
            .string("alias", "alias")
            .bool("isolate-ports", "isolate_ports")
            .number("tag", "tag")
            .bool("vlanaware", "vlan_aware")
            .build();
    private static final FlatAttributes SUBNETS = FlatAttributes.builder()
            .string("vnet", "vnet")
            .string("dhcp-dns-server", "dhcp_dns_server")
            .string("dnszoneprefix", "dns_zone_prefix")
            .string("gateway", "gateway")
            .bool("snat", "snat")
            .build();

    private static FlatAttributes.Builder common() {
        return FlatAttributes.builder()
                .list("nodes", "nodes", "[,;\\s]+", ",")
                .number("mtu", "mtu")
                .string("ipam", "ipam")
                .string("dns", "dns")
                .string("dnszone", "dns_zone")
                .string("reversedns", "reverse_dns");
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ZONE, VNET, SUBNET);
    }

    @Override
    public String file() {
        return "sdn.tf";
    }

    @Override
    public String title() {
        return "SDN zones, vnets and subnets (Datacenter > SDN), applied by proxmox_sdn_applier.";
    }

    @Override
    public Set<String> types() {
        Set<String> out = new LinkedHashSet<>();
        for (String t : ZONE_TYPES) {
            out.add(PREFIX + "zone_" + t);
            out.add(LONG + "zone_" + t);
        }
        for (String t : List.of("vnet", "subnet", APPLIER)) {
            out.add(PREFIX + t);
            out.add(LONG + t);
        }
        return out;
    }

    /** A zone type the provider has no resource for (QinQ, Faucet) stays in state: a removed block cannot delete it. */
    @Override
    public boolean owns(ClusterObject o) {
        return kinds().contains(o.kind()) && !keptInState(o);
    }

    private static boolean keptInState(ClusterObject o) {
        return o.kind().equals(ZONE) && !ZONE_TYPES.contains(o.value("type"));
    }

    @Override
    public List<Mapped> toHcl(List<ClusterObject> objects, Inventory desired, Names names) {
        List<Mapped> out = new ArrayList<>();
        List<String> keptNotes = new ArrayList<>();
        for (String kind : List.of(ZONE, VNET, SUBNET)) {
            for (ClusterObject o : objects) {
                if (!o.kind().equals(kind)) {
                    continue;
                }
                if (keptInState(o)) {
                    keptNotes.add("SDN zone " + o.id() + " (type " + o.value("type") + ") has no resource in the provider;"
                            + " kept in proxmox-mpc's state");
                    continue;
                }
                out.add(switch (kind) {
                    case ZONE -> zone(o, names);
                    case VNET -> vnet(o, names);
                    default -> subnet(o, names);
                });
            }
        }
        if (!out.isEmpty()) {
            List<HclValue.Expr> refs = out.stream()
                    .map(m -> new HclValue.Expr(m.block().labels().get(0) + "." + m.block().labels().get(1))).toList();
            HclBlock applier = new HclBlock("resource", PREFIX + APPLIER, names.of("sdn", "sdn"));
            applier.attr("depends_on", refs);
            applier.block("lifecycle").attr("replace_triggered_by", refs);
            out.add(new Mapped(applier, null, keptNotes));
        }
        return out;
    }

    private static Mapped zone(ClusterObject o, Names names) {
        String type = o.value("type");
        FlatAttributes attrs = ZONES.get(type);
        HclBlock r = new HclBlock("resource", PREFIX + "zone_" + type, names.of(o.id(), "zone"));
        r.attr("id", o.id());
        attrs.write(r, o.config());
        return new Mapped(r, o.id(), unmapped("SDN zone " + o.id(), attrs, o.config(), Set.of("type", "digest")));
    }

    private static Mapped vnet(ClusterObject o, Names names) {
        HclBlock r = new HclBlock("resource", PREFIX + "vnet", names.of(o.id(), "vnet"));
        r.attr("id", o.id());
        VNETS.write(r, o.config());
        return new Mapped(r, o.id(), unmapped("SDN vnet " + o.id(), VNETS, o.config(), Set.of("digest")));
    }

    private static Mapped subnet(ClusterObject o, Names names) {
        HclBlock r = new HclBlock("resource", PREFIX + "subnet", names.of(o.id(), "subnet"));
        r.attr("cidr", cidr(o.id()));
        SUBNETS.write(r, o.config());
        Map<String, String> range = range(o.value("dhcp-range.0"));
        if (!range.isEmpty()) {
            Map<String, Object> obj = new TreeMap<>();
            obj.put("start_address", range.getOrDefault("start-address", ""));
            obj.put("end_address", range.getOrDefault("end-address", ""));
            r.attr("dhcp_range", obj);
        }
        Set<String> skip = new LinkedHashSet<>(Set.of("digest", "dhcp-range.0"));
        return new Mapped(r, o.value("vnet") + "/" + o.id(), unmapped("SDN subnet " + o.id(), SUBNETS, o.config(), skip));
    }

    private static List<String> unmapped(String what, FlatAttributes attrs, Map<String, String> config, Set<String> skip) {
        Set<String> keys = attrs.unmapped(config);
        keys.removeAll(skip);
        return keys.isEmpty() ? List.of() : List.of(what + ": " + String.join(", ", keys)
                + " not in the provider's schema; kept in proxmox-mpc's state");
    }

    /** @return {@code 10.20.0.0/24} of the subnet id {@code lab-10.20.0.0-24} */
    static String cidr(String subnetId) {
        String rest = subnetId.substring(subnetId.indexOf('-') + 1);
        int dash = rest.lastIndexOf('-');
        return dash < 0 ? rest : rest.substring(0, dash) + "/" + rest.substring(dash + 1);
    }

    private static Map<String, String> range(String v) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : v.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> known(String type) {
        String t = type.startsWith(LONG) ? type.substring(LONG.length()) : type.substring(PREFIX.length());
        Set<String> names = new LinkedHashSet<>();
        switch (t) {
            case "vnet" -> {
                names.addAll(VNETS.names());
                names.add("id");
            }
            case "subnet" -> {
                names.addAll(SUBNETS.names());
                names.addAll(List.of("cidr", "dhcp_range"));
            }
            case APPLIER -> names.addAll(List.of("on_create", "on_destroy"));
            default -> {
                names.addAll(ZONES.get(t.substring("zone_".length())).names());
                names.add("id");
            }
        }
        return Map.of("", names);
    }

    @Override
    public Optional<ClusterObject> read(String type, HclBlock r, Inventory base, List<String> problems) {
        String t = type.startsWith(LONG) ? type.substring(LONG.length()) : type.substring(PREFIX.length());
        if (t.equals(APPLIER)) {
            return Optional.empty();
        }
        if (t.equals("subnet")) {
            return subnet(r, base, problems);
        }
        if (!(r.get("id") instanceof String id) || id.isEmpty()) {
            problems.add("id must be a known string; the resource is not imported");
            return Optional.empty();
        }
        if (t.equals("vnet")) {
            Map<String, String> had = base.object(VNET, "", id).map(ClusterObject::config).orElse(Map.of());
            return Optional.of(new ClusterObject(VNET, "", id, VNETS.read(r, had, problems)));
        }
        String zoneType = t.substring("zone_".length());
        Map<String, String> had = new TreeMap<>(base.object(ZONE, "", id).map(ClusterObject::config).orElse(Map.of()));
        if (!zoneType.equals(had.get("type"))) {
            had.clear();
        }
        Map<String, String> config = ZONES.get(zoneType).read(r, had, problems);
        config.put("type", zoneType);
        return Optional.of(new ClusterObject(ZONE, "", id, config));
    }

    private Optional<ClusterObject> subnet(HclBlock r, Inventory base, List<String> problems) {
        if (!(r.get("cidr") instanceof String cidr) || !(r.get("vnet") instanceof String vnet)) {
            problems.add("cidr and vnet must be known strings; the subnet is not imported");
            return Optional.empty();
        }
        Optional<ClusterObject> v = base.object(VNET, "", vnet);
        if (v.isEmpty()) {
            problems.add("vnet " + vnet + " is not known yet (its zone makes the subnet's id): apply the vnet first, then add the subnet");
            return Optional.empty();
        }
        String id = v.get().value("zone") + "-" + cidr.replace('/', '-');
        Map<String, String> had = base.object(SUBNET, "", id).map(ClusterObject::config).orElse(Map.of());
        Map<String, String> config = SUBNETS.read(r, had, problems);
        Object range = r.get("dhcp_range");
        if (range instanceof Map<?, ?> m) {
            config.put("dhcp-range.0", "start-address=" + m.get("start_address") + ",end-address=" + m.get("end_address"));
        } else if (range != Unknown.VALUE) {
            config.keySet().removeIf(k -> k.startsWith("dhcp-range."));
        }
        return Optional.of(new ClusterObject(SUBNET, "", id, config));
    }
}
