package dev.proxmoxmpc.plugin.sync.saved;

import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the server had for each resource a plan touches (its comparable fields and, for guests, the config
 * {@code digest}), and what changed since: the staleness check of {@code /apply FILE}.
 */
public final class Observations {
    private Observations() {}

    /** @return one observation per resource the plan's items name, in plan order */
    public static List<SavedPlan.Observation> of(Plan plan, Inventory observed) {
        Map<String, SavedPlan.Observation> out = new LinkedHashMap<>();
        for (PlanItem item : plan.items()) {
            out.computeIfAbsent(item.ref().toString(), k -> observe(item.ref(), observed));
        }
        return List.copyOf(out.values());
    }

    /** @return what the server has now for {@code ref} */
    public static SavedPlan.Observation observe(ResourceRef ref, Inventory observed) {
        String resource = ref.toString();
        Optional<Map<String, String>> fields = fields(ref, observed);
        if (fields.isEmpty()) {
            return new SavedPlan.Observation(resource, false, "", Map.of());
        }
        String digest = guest(ref, observed).map(g -> g.runtime().digest()).orElse("");
        Map<String, String> values = new TreeMap<>();
        fields.get().forEach((k, v) -> values.put(k, PlanCodec.secret(k) ? "sha256:" + PlanFiles.sha256(v) : v));
        return new SavedPlan.Observation(resource, true, digest, values);
    }

    /**
     * @return one line per resource that changed on the server since the plan was made ({@code vm/101: memory 4096
     *     -> 8192; config digest changed}), empty when none did
     */
    public static List<String> changedSince(List<SavedPlan.Observation> then, Inventory observed, Map<String, String> labels) {
        List<String> out = new ArrayList<>();
        for (SavedPlan.Observation before : then) {
            ResourceRef ref = PlanCodec.ref(parse(before.resource()));
            SavedPlan.Observation now = observe(ref, observed);
            String label = labels.getOrDefault(before.resource(), before.resource());
            if (before.exists() && !now.exists()) {
                out.add(label + ": no longer on the server");
            } else if (!before.exists() && now.exists()) {
                out.add(label + ": now exists on the server (the plan creates it)");
            } else if (before.exists()) {
                List<String> what = new ArrayList<>();
                TreeSet<String> keys = new TreeSet<>(before.values().keySet());
                keys.addAll(now.values().keySet());
                for (String k : keys) {
                    String b = before.values().getOrDefault(k, "");
                    String a = now.values().getOrDefault(k, "");
                    if (!b.equals(a)) {
                        what.add(PlanCodec.secret(k) ? k + " changed" : k + " " + show(b) + " -> " + show(a));
                    }
                }
                if (!before.digest().equals(now.digest())) {
                    what.add("config digest " + shortDigest(before.digest()) + " -> " + shortDigest(now.digest()));
                }
                if (!what.isEmpty()) {
                    out.add(label + ": " + String.join(", ", what));
                }
            }
        }
        return out;
    }

    private static final java.util.Set<String> REF_TYPES = java.util.Set.of("vm", "container", "network", "storage", "pool");
    private static final java.util.Set<String> OBJECT_SCOPES = java.util.Set.of("node", "vm", "ct");

    /** Reads back {@link ResourceRef#toString()}: {@code vm/101}, {@code network/pve1/vmbr1}, {@code firewall-rules/vm/101}. */
    static SavedPlan.Ref parse(String resource) {
        String[] parts = resource.split("/", -1);
        if (!REF_TYPES.contains(parts[0])) {
            boolean scoped = parts.length >= 3 && OBJECT_SCOPES.contains(parts[1]);
            String scope = scoped ? parts[1] + "/" + parts[2] : "";
            int from = scoped ? 3 : 1;
            String id = String.join("/", java.util.Arrays.asList(parts).subList(Math.min(from, parts.length), parts.length));
            return new SavedPlan.Ref("object", scope, parts[0] + "/" + id);
        }
        if (parts.length == 3) {
            return new SavedPlan.Ref(parts[0], parts[1], parts[2]);
        }
        return new SavedPlan.Ref(parts[0], "", parts[parts.length - 1]);
    }

    private static Optional<Guest> guest(ResourceRef ref, Inventory inv) {
        if (ref.type() != ResourceRef.Type.VM && ref.type() != ResourceRef.Type.CONTAINER) {
            return Optional.empty();
        }
        try {
            return inv.guest(Integer.parseInt(ref.id()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, String>> fields(ResourceRef ref, Inventory inv) {
        return switch (ref.type()) {
            case VM, CONTAINER -> guest(ref, inv).map(Fields::of);
            case STORAGE -> inv.storages().stream().filter(s -> s.id().equals(ref.id())).findFirst().map(Fields::of);
            case POOL -> inv.pools().stream().filter(p -> p.id().equals(ref.id())).findFirst().map(Fields::of);
            case NETWORK -> inv.networks().stream().filter(n -> n.node().equals(ref.node()) && n.iface().equals(ref.id()))
                    .findFirst().map(Fields::of);
            case OBJECT -> inv.object(ref.objectKind(), ref.node(), ref.objectId()).map(Fields::of);
        };
    }

    private static String show(String v) {
        return v.isEmpty() ? "(none)" : v;
    }

    private static String shortDigest(String d) {
        return d.isEmpty() ? "(none)" : d.substring(0, Math.min(12, d.length()));
    }
}
