package dev.proxmoxmpc.plugin.simulator.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage plugins of PVE 9 as {@code storage.cfg} sees them: each type's options ({@code options()} of
 * {@code PVE::Storage::*Plugin}: required, fixed or optional) and its content types ({@code plugindata}: what it
 * supports, what it defaults to).
 */
public final class StorageTypes {
    /** How a type takes an option. */
    public enum Option {
        OPTIONAL, FIXED, REQUIRED, REQUIRED_FIXED;

        public boolean fixed() {
            return this == FIXED || this == REQUIRED_FIXED;
        }

        public boolean required() {
            return this == REQUIRED || this == REQUIRED_FIXED;
        }
    }

    /** One plugin: options by name, supported content types and the default content. */
    public record Type(Map<String, Option> options, List<String> content, String defaultContent) {
    }

    private static final String FILE_COMMON = "content-dirs nodes disable prune-backups max-protected-backups content format"
            + " mkdir create-base-path create-subdirs bwlimit preallocation";
    private static final String FILE_CONTENT = "images rootdir vztmpl iso backup snippets import";
    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        // options: '!' required and fixed, '+' required, '~' fixed (optional), plain = optional
        add("dir", "path! shared is_mountpoint snapshot-as-volume-chain~ " + FILE_COMMON, FILE_CONTENT + " none", "images,rootdir");
        add("nfs", "path! server! export! options snapshot-as-volume-chain~ " + FILE_COMMON, FILE_CONTENT, "images");
        add("cifs", "path! server! share! subdir username password domain smbversion options snapshot-as-volume-chain~ "
                + FILE_COMMON, FILE_CONTENT, "images");
        add("cephfs", "path! monhost subdir shared username keyring fs-name fuse " + FILE_COMMON,
                "vztmpl iso backup snippets import", "backup");
        add("btrfs", "path! shared is_mountpoint nocow " + FILE_COMMON, FILE_CONTENT + " none", "images,rootdir");
        add("lvm", "vgname! base~ nodes shared disable saferemove saferemove-stepsize saferemove_throughput content"
                + " tagged_only bwlimit snapshot-as-volume-chain~", "images rootdir", "images");
        add("lvmthin", "thinpool! vgname! nodes disable content bwlimit", "images rootdir", "images,rootdir");
        add("zfspool", "pool! blocksize sparse nodes disable content bwlimit mountpoint zfs-base-path", "images rootdir",
                "images,rootdir");
        add("zfs", "portal! target! pool! blocksize! iscsiprovider! nowritecache sparse comstar_hg comstar_tg lio_tpg"
                + " content bwlimit zfs-base-path", "images", "images");
        add("rbd", "monhost pool data-pool namespace username content krbd keyring nodes disable bwlimit", "images rootdir",
                "images");
        add("iscsi", "portal! target! nodes disable content bwlimit", "images none", "images");
        add("iscsidirect", "portal! target! nodes disable", "images none", "images");
        add("pbs", "server+ datastore! port namespace username password encryption-key master-pubkey fingerprint nodes"
                + " disable content prune-backups max-protected-backups", "backup", "backup");
        add("esxi", "server! username! password skip-cert-verification~ nodes disable content", "import", "import");
    }

    private StorageTypes() {
    }

    private static void add(String type, String options, String content, String defaultContent) {
        Map<String, Option> opts = new LinkedHashMap<>();
        for (String o : options.trim().split("\\s+")) {
            char last = o.charAt(o.length() - 1);
            String name = "!+~".indexOf(last) >= 0 ? o.substring(0, o.length() - 1) : o;
            opts.put(name, switch (last) {
                case '!' -> Option.REQUIRED_FIXED;
                case '+' -> Option.REQUIRED;
                case '~' -> Option.FIXED;
                default -> Option.OPTIONAL;
            });
        }
        TYPES.put(type, new Type(Map.copyOf(opts), List.of(content.split(" ")), defaultContent));
    }

    /** @return the plugin of a type, empty for one PVE does not know. */
    public static Optional<Type> of(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /** @return whether the type's storages are shared by nature (PVE sets {@code shared 1} for them). */
    public static boolean sharedByNature(String type) {
        return List.of("nfs", "cifs", "cephfs", "rbd", "iscsi", "iscsidirect", "zfs", "pbs", "esxi").contains(type);
    }
}
