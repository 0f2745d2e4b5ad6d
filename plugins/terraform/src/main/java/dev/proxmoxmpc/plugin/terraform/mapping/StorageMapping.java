package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.plugin.terraform.hcl.HclValue;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Storage definitions as bpg {@code proxmox_storage_*} resources, both ways: {@link #toHcl} writes what the
 * provider reads back (defaults left out), {@link #storage} lays a block over the desired state's storage. PVE types
 * without a provider resource (rbd, cephfs, iscsi, zfs over iSCSI, btrfs, esxi, ...) are not written
 * ({@link #supported}). Secrets (cifs and pbs {@code password}, pbs {@code encryption_key}) are never written: the
 * block references a sensitive variable and ignores changes to it, because PVE never returns them (an imported
 * resource has none in its state, and a difference would make Terraform replace the storage).
 */
public final class StorageMapping {
    /** PVE storage type -> how it is written. */
    private static final Map<String, StorageType> TYPES = new LinkedHashMap<>();
    /** Storage config keys no resource writes and no note mentions: metadata and what the provider computes. */
    private static final Set<String> QUIET = Set.of("digest", "type", "storage");

    static {
        List<StorageField> dirOptions = List.of(
                StorageField.bool("create_base_path", "create-base-path", true, true),
                StorageField.bool("create_subdirs", "create-subdirs", true, true));
        StorageField prealloc = StorageField.str("preallocation", "preallocation");
        StorageField chain = StorageField.bool("snapshot_as_volume_chain", "snapshot-as-volume-chain", null, false);
        type("dir", "directory", true, List.of(), List.of(StorageField.required("path", "path"), prealloc,
                // the provider defaults shared to true, PVE to false: written out when false
                StorageField.bool("shared", "shared", true, false)), dirOptions);
        type("lvm", "lvm", false, List.of(), List.of(StorageField.required("volume_group", "vgname"),
                StorageField.bool("shared", "shared", false, false),
                StorageField.bool("wipe_removed_volumes", "saferemove", false, false)));
        type("lvmthin", "lvmthin", false, List.of(), List.of(StorageField.required("volume_group", "vgname"),
                StorageField.required("thin_pool", "thinpool")));
        type("zfspool", "zfspool", false, List.of(), List.of(StorageField.required("zfs_pool", "pool"),
                StorageField.str("blocksize", "blocksize"), StorageField.bool("thin_provision", "sparse", null, false)));
        type("nfs", "nfs", true, List.of(), List.of(StorageField.required("server", "server"),
                StorageField.required("export", "export"), StorageField.str("options", "options"), prealloc, chain), dirOptions);
        type("cifs", "cifs", true, List.of(new Secret("password", "password", false)), List.of(
                StorageField.required("server", "server"), StorageField.required("share", "share"),
                StorageField.required("username", "username"), StorageField.str("domain", "domain"),
                StorageField.str("subdirectory", "subdir"), StorageField.str("options", "options"), prealloc, chain), dirOptions);
        type("pbs", "pbs", true, List.of(new Secret("password", "password", false),
                new Secret("encryption_key", "encryption-key", true)), List.of(StorageField.required("server", "server"),
                StorageField.required("datastore", "datastore"), StorageField.required("username", "username"),
                StorageField.str("namespace", "namespace"), StorageField.str("fingerprint", "fingerprint")));
    }

    private StorageMapping() {}

    /** How one PVE storage type is written: its resource, fields, whether it has a {@code backups} block, its secrets. */
    private record StorageType(String resource, boolean backups, List<Secret> secrets, List<StorageField> fields) {}

    /**
     * A secret attribute: written as a reference to a sensitive variable.
     *
     * @param whenSet only when the storage's config has {@code pve} (pbs: an encryption key is configured)
     */
    public record Secret(String attribute, String pve, boolean whenSet) {}

    /** A storage as a resource: the block, the secret variables it references, what it cannot express. */
    public record Written(HclBlock block, List<String> variables, List<String> notes) {}

    private static void type(String pve, String suffix, boolean backups, List<Secret> secrets, List<StorageField> own,
            List<StorageField> more) {
        List<StorageField> fields = new ArrayList<>(own);
        fields.addAll(more);
        type(pve, suffix, backups, secrets, fields);
    }

    private static void type(String pve, String suffix, boolean backups, List<Secret> secrets, List<StorageField> own) {
        List<StorageField> fields = new ArrayList<>(own);
        fields.add(StorageField.set("content", "content"));
        fields.add(StorageField.set("nodes", "nodes"));
        fields.add(StorageField.bool("disable", "disable", false, false));
        TYPES.put(pve, new StorageType("proxmox_storage_" + suffix, backups, secrets, fields));
    }

    /** @return whether the provider has a resource for the storage's PVE type. */
    public static boolean supported(Storage s) {
        return TYPES.containsKey(s.type());
    }

    /** @return the PVE type a resource type describes (short or deprecated long name), or null. */
    public static String pveType(String resourceType) {
        String suffix = resourceType.startsWith("proxmox_virtual_environment_storage_")
                ? resourceType.substring("proxmox_virtual_environment_storage_".length())
                : resourceType.startsWith("proxmox_storage_") ? resourceType.substring("proxmox_storage_".length()) : null;
        for (Map.Entry<String, StorageType> e : TYPES.entrySet()) {
            if (e.getValue().resource().equals("proxmox_storage_" + suffix)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** @return the resource type of a supported storage. */
    public static String resourceType(Storage s) {
        return TYPES.get(s.type()).resource();
    }

    /** @return the variable that carries a secret of a storage resource. */
    public static String variable(String name, String attribute) {
        return "storage_" + name + "_" + attribute;
    }

    /**
     * @param s    a {@link #supported} storage
     * @param name its resource name
     * @return the resource; its block is null when a required setting is missing (the notes say which)
     */
    public static Written toHcl(Storage s, String name) {
        StorageType t = TYPES.get(s.type());
        List<String> notes = new ArrayList<>();
        HclBlock r = new HclBlock("resource", t.resource(), name).attr("id", s.id());
        Set<String> mapped = new TreeSet<>(QUIET);
        for (StorageField f : t.fields()) {
            mapped.add(f.pve());
            String v = s.config().get(f.pve());
            if (f.required() && (v == null || v.isBlank())) {
                notes.add("storage " + s.id() + " (" + s.type() + ") has no " + f.pve() + ": not written");
            }
            r.attr(f.tf(), f.write(v));
        }
        if (!notes.isEmpty()) {
            return new Written(null, List.of(), notes);
        }
        List<String> variables = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Secret secret : t.secrets()) {
            mapped.add(secret.pve());
            if (!secret.whenSet() || s.config().containsKey(secret.pve())) {
                String variable = variable(name, secret.attribute());
                r.attr(secret.attribute(), new HclValue.Expr("var." + variable));
                variables.add(variable);
                ignored.add(secret.attribute());
            }
        }
        if (t.backups()) {
            mapped.add("prune-backups");
            mapped.add("max-protected-backups");
            StorageBackups.toHcl(s.config(), r);
        }
        if (!ignored.isEmpty()) {
            r.block("lifecycle").attr("ignore_changes", new HclValue.Expr("[" + String.join(", ", ignored) + "]"));
        }
        for (Map.Entry<String, String> e : s.config().entrySet()) {
            if (!mapped.contains(e.getKey()) && !computed(s, e.getKey(), e.getValue())) {
                notes.add("storage " + s.id() + ": " + e.getKey() + " has no attribute in " + t.resource()
                        + " (kept in proxmox-mpc state, not written)");
            }
        }
        return new Written(r, variables, notes);
    }

    /** @return whether a key is one PVE or the provider derives (a network storage's shared flag and mount path). */
    private static boolean computed(Storage s, String key, String value) {
        return key.equals("shared") || key.equals("path") && value.equals("/mnt/pve/" + s.id());
    }

    /** The attributes {@link #storage} reads, by block path; secrets and {@code lifecycle} are read past. */
    public static Map<String, Set<String>> known(String pveType) {
        StorageType t = TYPES.get(pveType);
        Set<String> names = new TreeSet<>(Set.of("id"));
        t.fields().forEach(f -> names.add(f.tf()));
        t.secrets().forEach(x -> names.add(x.attribute()));
        Map<String, Set<String>> known = new TreeMap<>(Map.of("", names));
        if (t.backups()) {
            names.add("backups");
            known.put("backups", StorageBackups.ATTRIBUTES);
        }
        return known;
    }

    /** @return the secret attributes of a storage resource type: never read (they only name variables). */
    public static Set<String> secrets(String pveType) {
        Set<String> out = new TreeSet<>();
        TYPES.get(pveType).secrets().forEach(x -> out.add(x.attribute()));
        return out;
    }

    /**
     * @param r    an evaluated storage resource ({@code id} a known string), its secrets left out
     * @param base the desired state's storage of that id, if any (of the same type)
     * @param type the PVE type the resource describes ({@link #pveType})
     * @return the storage as the block describes it, over {@code base}: a value that means the same as the base's
     *         keeps the base's spelling; an unknown value keeps the base's
     */
    public static Storage storage(HclBlock r, Optional<Storage> base, String type) {
        Map<String, String> config = new TreeMap<>(base.map(Storage::config).orElse(Map.of()));
        StorageType t = TYPES.get(type);
        for (StorageField f : t.fields()) {
            f.read(r.get(f.tf()), config);
        }
        if (t.backups()) {
            r.blocks("backups").stream().findFirst().ifPresent(b -> StorageBackups.read(b, config));
        }
        return new Storage((String) r.get("id"), type, config);
    }
}
