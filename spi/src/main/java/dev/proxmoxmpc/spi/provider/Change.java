package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * One change a provider executes. Settings and options are PVE wire values (strings).
 *
 * @param action    what to do
 * @param target    what it acts on (for CREATE/CLONE/RESTORE: the new resource, with its VMID)
 * @param settings  config keys to set ({@code cores=4}, {@code net0=virtio,bridge=vmbr0}); for CREATE the full config
 * @param deletions config keys to remove (UPDATE)
 * @param options   action parameters, keys are the {@code OPT_*} constants
 * @param summary   one human line ({@code ~ vm/101 web-01: memory 4096 -> 8192}) for progress and audit
 */
@API(status = STABLE, since = "1.0")
public record Change(ChangeAction action, ResourceRef target, Map<String, String> settings, List<String> deletions,
                     Map<String, String> options, String summary) {

    /** CREATE of a VM: clone this template VMID first, then configure. */
    public static final String OPT_CLONE_FROM = "clone-from";
    /** CLONE: the source VMID. */
    public static final String OPT_SOURCE = "source";
    /** CLONE / CREATE-from-template: {@code 1} for a full clone, {@code 0} linked. */
    public static final String OPT_FULL = "full";
    /** CLONE, BACKUP, RESTORE, CREATE: the target storage. */
    public static final String OPT_STORAGE = "storage";
    /** MIGRATE: the node to move to. */
    public static final String OPT_TARGET_NODE = "target-node";
    /** UPDATE: the config digest read before; a concurrent edit makes the update fail instead of overwriting. */
    public static final String OPT_DIGEST = "digest";
    /** DELETE: also remove from backup jobs, HA and replication. */
    public static final String OPT_PURGE = "purge";
    /** DELETE: remove even a protected guest. */
    public static final String OPT_FORCE = "force";
    /** RESIZE: the disk slot ({@code scsi0}). */
    public static final String OPT_DISK = "disk";
    /** RESIZE: the new size ({@code 64G}) or growth ({@code +10G}). */
    public static final String OPT_SIZE = "size";
    /** SNAPSHOT / ROLLBACK: the snapshot name. */
    public static final String OPT_SNAPSHOT = "snapshot";
    /** RESTORE: the backup volume ({@code local:backup/vzdump-qemu-101-....vma.zst}). */
    public static final String OPT_ARCHIVE = "archive";
    /** CREATE / UPDATE of a guest: start it afterwards ({@code 1}). */
    public static final String OPT_START = "start";

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
        deletions = List.copyOf(deletions);
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        Objects.requireNonNull(summary, "summary");
    }

    /** @return an option value, or {@code ""}. */
    public String option(String key) {
        return options.getOrDefault(key, "");
    }

    /** A change with only an action and a target. */
    public static Change of(ChangeAction action, ResourceRef target, String summary) {
        return new Change(action, target, Map.of(), List.of(), Map.of(), summary);
    }
}
