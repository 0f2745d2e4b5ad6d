package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.plugin.sync.compare.Noise;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.Sizes;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The provider changes that turn one observed guest into its desired version, in an order that keeps the config
 * digest valid: STOP, UPDATE (digest-checked), RESIZE, MIGRATE, pool membership, START.
 */
final class GuestChanges {
    private GuestChanges() {}

    static ResourceRef ref(Guest g) {
        return g.kind() == GuestKind.VM ? ResourceRef.vm(g.node(), g.vmid()) : ResourceRef.container(g.node(), g.vmid());
    }

    static List<Change> update(Guest observed, Guest desired, String label, List<FieldChange> fields, List<Diagnostic> diags) {
        List<Change> out = new ArrayList<>();
        ResourceRef here = ref(observed);
        ResourceRef there = ref(desired);
        String ds = Fields.status(desired);
        String os = Fields.status(observed);
        boolean stop = ds.equals("stopped") && os.equals("running");
        boolean start = ds.equals("running") && !os.equals("running") && !os.isEmpty();
        if (stop) {
            out.add(Change.of(ChangeAction.STOP, here, "stop " + label));
        }
        Map<String, String> settings = new TreeMap<>();
        List<String> deletions = new ArrayList<>();
        List<Change> resizes = new ArrayList<>();
        for (FieldChange f : fields) {
            String k = f.field();
            if (k.equals(Fields.NODE) || k.equals(Fields.POOL) || k.equals(Fields.STATUS)) {
                continue;
            }
            if (Disk.SLOT.matcher(k).matches() && !f.before().isEmpty() && !f.after().isEmpty()) {
                diskChange(k, f, here, label, settings, resizes, diags);
            } else if (f.after().isEmpty()) {
                deletions.add(k);
            } else {
                settings.put(k, f.after());
            }
        }
        if (!settings.isEmpty() || !deletions.isEmpty()) {
            Map<String, String> options = new TreeMap<>();
            if (!observed.runtime().digest().isEmpty()) {
                options.put(Change.OPT_DIGEST, observed.runtime().digest());
            }
            String what = fields.stream().filter(f -> settings.containsKey(f.field()) || deletions.contains(f.field()))
                    .map(FieldChange::describe).collect(Collectors.joining(", "));
            out.add(new Change(ChangeAction.UPDATE, here, settings, deletions, options, "update " + label + ": " + what));
        }
        out.addAll(resizes);
        if (!observed.node().equals(desired.node())) {
            out.add(new Change(ChangeAction.MIGRATE, here, Map.of(), List.of(), Map.of(Change.OPT_TARGET_NODE, desired.node()),
                    "migrate " + label + ": " + observed.node() + " -> " + desired.node()));
        }
        out.addAll(poolChanges(observed.pool(), desired.pool(), observed.vmid(), label));
        if (start) {
            out.add(Change.of(ChangeAction.START, there, "start " + label));
        }
        return out;
    }

    private static void diskChange(String slot, FieldChange f, ResourceRef ref, String label, Map<String, String> settings,
                                   List<Change> resizes, List<Diagnostic> diags) {
        PropertyString before = PropertyString.parse(f.before());
        PropertyString after = PropertyString.parse(f.after());
        long was = Sizes.toMiB(before.getOrEmpty("size"));
        long want = Sizes.toMiB(after.getOrEmpty("size"));
        if (want > was && was > 0) {
            resizes.add(new Change(ChangeAction.RESIZE, ref, Map.of(), List.of(),
                    Map.of(Change.OPT_DISK, slot, Change.OPT_SIZE, after.getOrEmpty("size")),
                    "resize " + label + " " + slot + ": " + before.getOrEmpty("size") + " -> " + after.getOrEmpty("size")));
        } else if (want < was && want > 0) {
            diags.add(Diagnostic.error("disk " + slot + " would shrink from " + before.getOrEmpty("size") + " to "
                    + after.getOrEmpty("size") + "; Proxmox cannot shrink disks: set the size back or replace the disk", label));
        }
        String sameSize = after.with("size", before.getOrEmpty("size")).format();
        if (!sameSize.equals(before.format())) {
            settings.put(slot, sameSize);
        }
    }

    static List<Change> poolChanges(String from, String to, int vmid, String label) {
        List<Change> out = new ArrayList<>();
        if (from.equals(to)) {
            return out;
        }
        String id = Integer.toString(vmid);
        if (!from.isEmpty()) {
            out.add(new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", from),
                    Map.of("vms", id, "delete", "1"), List.of(), Map.of(), "remove " + label + " from pool " + from));
        }
        if (!to.isEmpty()) {
            out.add(new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", to),
                    Map.of("vms", id), List.of(), Map.of(), "add " + label + " to pool " + to));
        }
        return out;
    }

    /** @return the config keys a create sends: everything but {@code mpc.*}, read-only keys and unused disks. */
    static Map<String, String> createSettings(Guest desired) {
        Map<String, String> out = new TreeMap<>();
        desired.config().forEach((k, v) -> {
            if (!Noise.meta(k) && (!Noise.ignored(k) || Noise.CREATE_ONLY.contains(k))) {
                out.put(k, v);
            }
        });
        if (!desired.pool().isEmpty()) {
            out.put("pool", desired.pool());
        }
        return out;
    }
}
