package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * HA in one file: groups (PVE 8, {@code ha-group}) as {@code proxmox_hagroup}, resources ({@code ha-resource}) as
 * {@code proxmox_haresource}, rules (PVE 9, {@code ha-rule}) as {@code proxmox_harule}, in that order (a resource
 * names its group, a rule its resources). Import ids: the group, the sid ({@code vm:101}), the rule. Node lists are
 * the provider's {@code map(number)} ({@code {pve1 = 2, pve3 = null}}); a rule's resources a set, sorted as PVE keeps
 * them. The long {@code proxmox_virtual_environment_*} names are read back too.
 */
final class HaMapping implements ObjectMapping {
    static final String GROUP = "proxmox_hagroup";
    static final String RESOURCE = "proxmox_haresource";
    static final String RULE = "proxmox_harule";
    private static final String LONG = "proxmox_virtual_environment_";
    private static final List<String> ORDER = List.of("ha-group", "ha-resource", "ha-rule");
    private static final FlatAttributes NONE = FlatAttributes.builder().build();
    private static final Map<String, Kind> KINDS = Map.of(
            "ha-group", new Kind(GROUP, "group", NONE, FlatAttributes.builder()
                    .string("comment", "comment")
                    .bool("nofailback", "no_failback")
                    .bool("restricted", "restricted")
                    .build()),
            "ha-resource", new Kind(RESOURCE, "resource_id", FlatAttributes.builder()
                    .string("state", "state")
                    .string("group", "group")
                    .string("comment", "comment")
                    .bool("failback", "failback")
                    .number("max_relocate", "max_relocate")
                    .number("max_restart", "max_restart")
                    .build(), NONE),
            "ha-rule", new Kind(RULE, "rule", FlatAttributes.builder()
                    .string("type", "type")
                    .list("resources", "resources", "[,;\\s]+", ",")
                    .build(), FlatAttributes.builder()
                    .bool("strict", "strict")
                    .string("affinity", "affinity")
                    .bool("disable", "disable")
                    .string("comment", "comment")
                    .build()));

    /**
     * A kind's resource type, the attribute holding its id, and its flat attributes before and after {@code nodes}
     * (written apart, as a map).
     */
    private record Kind(String type, String idAttribute, FlatAttributes head, FlatAttributes tail) {
        boolean hasNodes() {
            return !type.equals(RESOURCE);
        }

        Set<String> names() {
            Set<String> out = new LinkedHashSet<>(head.names());
            out.addAll(tail.names());
            return out;
        }
    }

    @Override
    public Set<String> kinds() {
        return new TreeSet<>(ORDER);
    }

    @Override
    public String file() {
        return "ha.tf";
    }

    @Override
    public String title() {
        return "High availability: HA groups (PVE 8), HA resources and HA rules (PVE 9).";
    }

    @Override
    public Set<String> types() {
        Set<String> out = new LinkedHashSet<>();
        for (String t : List.of(GROUP, RESOURCE, RULE)) {
            out.add(t);
            out.add(t.replace("proxmox_", LONG));
        }
        return out;
    }

    @Override
    public List<Mapped> toHcl(List<ClusterObject> objects, Inventory desired, Names names) {
        List<Mapped> out = new ArrayList<>();
        for (String kind : ORDER) {
            Kind k = KINDS.get(kind);
            for (ClusterObject o : objects) {
                if (!o.kind().equals(kind)) {
                    continue;
                }
                HclBlock r = new HclBlock("resource", k.type(), names.of(o.id(), kind.substring(3)));
                r.attr(k.idAttribute(), o.id());
                Map<String, String> config = new TreeMap<>(o.config());
                k.head().write(r, config);
                if (k.hasNodes() && !config.getOrDefault("nodes", "").isEmpty()) {
                    r.attr("nodes", NodePriorities.hcl(config.get("nodes")));
                }
                k.tail().write(r, config);
                Set<String> unmapped = new TreeSet<>(config.keySet());
                unmapped.removeAll(Set.of("nodes"));
                unmapped.retainAll(k.head().unmapped(config));
                unmapped.retainAll(k.tail().unmapped(config));
                List<String> notes = unmapped.isEmpty() ? List.of() : List.of(kind + " " + o.id() + ": "
                        + String.join(", ", unmapped) + " not in the provider's schema; kept in proxmox-mpc's state");
                out.add(new Mapped(r, o.id(), notes));
            }
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> known(String type) {
        Kind k = kindOf(type).map(KINDS::get).orElseThrow();
        Set<String> names = new LinkedHashSet<>(k.names());
        names.add(k.idAttribute());
        if (k.hasNodes()) {
            names.add("nodes");
        }
        if (k.type().equals(RESOURCE)) {
            names.add("type");
        }
        return Map.of("", names);
    }

    @Override
    public Optional<ClusterObject> read(String type, HclBlock r, Inventory base, List<String> problems) {
        String kind = kindOf(type).orElseThrow();
        Kind k = KINDS.get(kind);
        if (!(r.get(k.idAttribute()) instanceof String id) || id.isEmpty()) {
            problems.add(k.idAttribute() + " must be a known string; it is not imported");
            return Optional.empty();
        }
        if (kind.equals("ha-resource") && id.matches("\\d+")) {
            problems.add("resource_id must name the type too (vm:" + id + " or ct:" + id + "); it is not imported");
            return Optional.empty();
        }
        Map<String, String> had = base.object(kind, "", id).map(ClusterObject::config).orElse(Map.of());
        Map<String, String> config = k.tail().read(r, k.head().read(r, had, problems), problems);
        if (k.hasNodes()) {
            NodePriorities.read(r.get("nodes"), config, "nodes", "nodes", problems);
        }
        return Optional.of(new ClusterObject(kind, "", id, config));
    }

    private static Optional<String> kindOf(String type) {
        String shortName = type.replace(LONG, "proxmox_");
        return Arrays.asList("ha-group", "ha-resource", "ha-rule").stream()
                .filter(kind -> KINDS.get(kind).type().equals(shortName)).findFirst();
    }
}
