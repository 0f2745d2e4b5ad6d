package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.plugin.sync.environment.CreateSpelling;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.Sizes;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans new guests (and the create half of replacements), ordered so that templates come first and a clone source
 * is created before its clones; disks named for another cluster's guest are created as allocations. A guest with {@code mpc.clone-from} becomes a CLONE of that VMID, configured with the keys that differ
 * from the source, then a RESIZE for each disk that must grow, then a START when it should run (a CLONE does not
 * start the guest itself).
 */
public final class GuestCreates {
    /** The desired-state key naming the VMID a new guest is cloned from. */
    public static final String CLONE_FROM = "mpc.clone-from";
    static final String FULL_CLONE = "mpc.full-clone";
    static final String PASSWORD_ENV = "mpc.password-env";
    static final String CLONE_STORAGE = "mpc.clone-storage";

    private final Inventory observed;
    private final Function<String, Optional<String>> env;
    private final List<Diagnostic> diags;
    private final Map<Integer, PlanItem> items = new LinkedHashMap<>();
    private final Map<Integer, Integer> sourceOf = new TreeMap<>();
    private final Set<Integer> templates = new TreeSet<>();

    GuestCreates(Inventory observed, Function<String, Optional<String>> env, List<Diagnostic> diags) {
        this.observed = observed;
        this.env = env;
        this.diags = diags;
    }

    void add(Guest d, Map<Integer, Guest> desired) {
        String label = ThreeWayMerge.label(d);
        List<Change> changes = build(d, desired, label);
        if (d.template()) {
            templates.add(d.vmid());
        }
        if (!changes.isEmpty()) {
            items.put(d.vmid(), new PlanItem(PlanItem.Kind.CREATE, GuestChanges.ref(d), label,
                    Fields.diff(Map.of(), Fields.of(d)), changes));
        }
    }

    void replace(Guest o, Guest d, Map<Integer, Guest> desired) {
        String label = ThreeWayMerge.label(d);
        List<Change> changes = new ArrayList<>();
        changes.add(new Change(ChangeAction.DELETE, GuestChanges.ref(o), Map.of(), List.of(), Map.of(Change.OPT_PURGE, "1"),
                "delete " + ThreeWayMerge.label(o) + " (replaced)"));
        List<Change> create = build(d, desired, label);
        if (create.isEmpty()) {
            return;
        }
        changes.addAll(create);
        List<FieldChange> fields = Fields.diff(Fields.of(o), Fields.of(d));
        items.put(d.vmid(), new PlanItem(PlanItem.Kind.REPLACE, GuestChanges.ref(d), label, fields, changes));
    }

    /** @return the items with every clone source ahead of its clones, otherwise by VMID. */
    List<PlanItem> ordered() {
        List<PlanItem> out = new ArrayList<>();
        List<Integer> pending = new ArrayList<>(items.keySet());
        pending.sort(Comparator.comparing((Integer id) -> !templates.contains(id)).thenComparing(id -> id));
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (int i = 0; i < pending.size(); i++) {
                Integer src = sourceOf.get(pending.get(i));
                if (src == null || !pending.contains(src)) {
                    out.add(items.get(pending.remove(i)));
                    progressed = true;
                    break;
                }
            }
            if (!progressed) {
                diags.add(Diagnostic.error("clone sources form a cycle", "vm/" + pending.get(0)));
                pending.forEach(id -> out.add(items.get(id)));
                break;
            }
        }
        return out;
    }

    private List<Change> build(Guest d, Map<Integer, Guest> desired, String label) {
        Map<String, String> settings = GuestChanges.createSettings(d);
        Map<String, String> options = new TreeMap<>();
        if (d.status() == PowerState.RUNNING && !d.template()) {
            options.put(Change.OPT_START, "1");
        }
        String passwordEnv = d.value(PASSWORD_ENV);
        if (!passwordEnv.isEmpty()) {
            Optional<String> password = env.apply(passwordEnv);
            if (password.isEmpty() || password.get().isEmpty()) {
                diags.add(Diagnostic.error("environment variable " + passwordEnv + " (root password) is not set", label));
            } else {
                settings.put("password", password.get());
            }
        }
        String cloneFrom = d.value(CLONE_FROM).trim();
        if (cloneFrom.isEmpty()) {
            Map<String, String> images = CreateSpelling.imageSources(d.config());
            if (d.template() && !images.isEmpty()) {
                diags.add(Diagnostic.info("template created again from its image source (" + images.entrySet().stream()
                        .map(e -> e.getKey() + " from " + e.getValue()).collect(Collectors.joining(", "))
                        + ") and converted to a template", label));
            } else if (d.template() && CreateSpelling.hasContent(d.config())) {
                diags.add(Diagnostic.warning("template created with blank disks of the same layout and converted to a "
                        + "template: provide its contents (import the image into its disk) before cloning from it", label));
            }
            return List.of(new Change(ChangeAction.CREATE, GuestChanges.ref(d), CreateSpelling.forCreate(settings), List.of(),
                    options, "create " + label));
        }
        int source;
        try {
            source = Integer.parseInt(cloneFrom);
        } catch (NumberFormatException e) {
            diags.add(Diagnostic.error(CLONE_FROM + " must be a VMID, got '" + cloneFrom + "'", label));
            return List.of();
        }
        Guest src = observed.guest(source).orElse(desired.get(source));
        if (src == null) {
            diags.add(Diagnostic.error("clone source " + source + " does not exist on the server or in the desired state", label));
            return List.of();
        }
        sourceOf.put(d.vmid(), source);
        return clone(d, src, settings, options, label);
    }

    private static List<Change> clone(Guest d, Guest src, Map<String, String> createSettings, Map<String, String> options,
                                      String label) {
        Map<String, String> settings = new TreeMap<>();
        List<Change> resizes = new ArrayList<>();
        createSettings.forEach((k, v) -> {
            if (k.equals("template")) {
                return;
            }
            boolean disk = Disk.SLOT.matcher(k).matches();
            String srcValue = src.value(k);
            if (disk && !srcValue.isEmpty()) {
                String want = PropertyString.parse(v).getOrEmpty("size");
                String has = PropertyString.parse(srcValue).getOrEmpty("size");
                if (!want.isEmpty() && Sizes.toMiB(want) > Sizes.toMiB(has)) {
                    resizes.add(new Change(ChangeAction.RESIZE, GuestChanges.ref(d), Map.of(), List.of(),
                            Map.of(Change.OPT_DISK, k, Change.OPT_SIZE, want), "resize " + label + " " + k + ": " + has + " -> " + want));
                }
            } else if (!v.equals(srcValue)) {
                settings.put(k, v);
            }
        });
        Map<String, String> opts = new TreeMap<>(options);
        opts.put(Change.OPT_SOURCE, Integer.toString(src.vmid()));
        opts.put(Change.OPT_CLONE_FROM, Integer.toString(src.vmid()));
        opts.put(Change.OPT_FULL, d.value(FULL_CLONE).isEmpty() ? "1" : d.value(FULL_CLONE));
        if (!d.value(CLONE_STORAGE).isEmpty()) {
            opts.put(Change.OPT_STORAGE, d.value(CLONE_STORAGE));
        }
        if (opts.remove(Change.OPT_START) != null) {
            resizes.add(Change.of(ChangeAction.START, GuestChanges.ref(d), "start " + label));
        }
        List<Change> out = new ArrayList<>();
        out.add(new Change(ChangeAction.CLONE, GuestChanges.ref(d), settings, List.of(), opts,
                "clone " + label + " from " + src.vmid()));
        out.addAll(resizes);
        return out;
    }
}
