package dev.proxmoxmpc.plugin.resources.view;

import dev.proxmoxmpc.spi.model.Guest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a changing guest command did to the desired state; printed as lines or, under {@code --json}, as is.
 *
 * @param action  {@code create}, {@code update}, {@code delete}, {@code clone}, {@code scale}, {@code migrate}
 * @param kind    {@code vm} or {@code container}
 * @param vmid    the VMID
 * @param name    the name or hostname
 * @param node    the node (the new one after a migrate)
 * @param pool    the pool or {@code ""}
 * @param status  the desired power state ({@code running}/{@code stopped})
 * @param config  the desired config after the command ({@code {}} after a delete)
 * @param changes what changed, field by field
 * @param notes    remarks (a full clone forced, what depended on a deleted guest, ...)
 * @param warnings what the user should know (VMID chosen offline, a password variable not set now)
 * @param written project-relative files the regeneration wrote or removed
 */
public record GuestResult(String action, String kind, int vmid, String name, String node, String pool, String status,
                          Map<String, String> config, List<FieldDiff> changes, List<String> notes, List<String> warnings,
                          List<String> written) {
    public GuestResult {
        Objects.requireNonNull(action, "action");
        config = Map.copyOf(config);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        written = List.copyOf(written);
    }

    /** @return {@code vm} or {@code container} for a guest. */
    public static String kindOf(Guest g) {
        return g.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM ? "vm" : "container";
    }

    /** @return every field of a guest for a diff: the config plus {@code node}, {@code pool}, {@code status}. */
    public static Map<String, String> fields(Guest g) {
        Map<String, String> out = new java.util.TreeMap<>(g.config());
        out.put("node", g.node());
        if (!g.pool().isEmpty()) {
            out.put("pool", g.pool());
        }
        out.put("status", g.template() ? "template" : g.status().pve());
        return out;
    }
}
