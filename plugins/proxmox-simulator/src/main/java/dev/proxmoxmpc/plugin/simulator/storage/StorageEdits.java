package dev.proxmoxmpc.plugin.simulator.storage;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import dev.proxmoxmpc.plugin.simulator.storage.StorageTypes.Option;
import dev.proxmoxmpc.plugin.simulator.storage.StorageTypes.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes of {@code /storage} as pve-storage's {@code Storage::Config} handlers do them: the plugin's
 * {@code check_config} (an option the type does not have, a fixed option changed, a required one missing,
 * content types the type does not support dropped), the {@code digest} check, the {@code delete} rules, and the
 * messages wrapped in {@code create storage failed:} / {@code update storage failed:} / {@code delete storage failed:}
 * where PVE holds the config lock. Secrets ({@code password}, keys) never go into storage.cfg.
 */
public final class StorageEdits {
    private static final Set<String> SENSITIVE = Set.of("password", "encryption-key", "master-pubkey", "keyring");
    private static final Set<String> MOUNTED = Set.of("nfs", "cifs", "cephfs");

    private StorageEdits() {
    }

    /** {@code POST /storage}: @return the new definition. */
    public static StorageDef create(Cluster c, Map<String, String> params) {
        String id = params.get("storage");
        String type = params.get("type");
        Map<String, String> opts = options(params, "storage", "type");
        if (opts.getOrDefault("nodes", "").isEmpty()) {
            opts.remove("nodes");
        }
        Type t = type(type);
        if (MOUNTED.contains(type)) {
            opts.putIfAbsent("path", "/mnt/pve/" + id);
        }
        checkValues(t, opts, true);
        t.options().forEach((k, o) -> {
            if (o.required() && !opts.containsKey(k)) {
                throw ApiException.failed("missing value for required option '" + k + "'");
            }
        });
        if (type.equals("dir") && !opts.get("path").matches("/[-/a-zA-Z0-9_.@]+")) {
            throw ApiException.failed("illegal path for directory storage: " + opts.get("path"));
        }
        if (c.storages.containsKey(id)) {
            throw ApiException.failed("create storage failed: storage ID '" + id + "' already defined");
        }
        StorageDef s = new StorageDef(id, type, t.defaultContent(), StorageTypes.sharedByNature(type), 1024L << 30);
        opts.forEach((k, v) -> set(s, k, v));
        c.storages.put(id, s);
        return s;
    }

    /** {@code PUT /storage/{storage}}: {@code digest} and {@code delete} as the request carries them. */
    public static StorageDef update(Cluster c, String id, Map<String, String> params) {
        try {
            String digest = params.getOrDefault("digest", "");
            if (!digest.isEmpty() && !digest.equals(StorageConfig.digest(c.storages.values()))) {
                throw ApiException.failed("detected modified configuration - file changed by other user? Try again.");
            }
            StorageDef s = c.storage(id);
            Type t = type(s.type);
            Map<String, String> opts = options(params, "storage", "digest", "delete");
            List<String> deletes = new ArrayList<>(List.of(params.getOrDefault("delete", "").split("[,;\\s\\x00]+")));
            deletes.removeIf(k -> k.isEmpty() || SENSITIVE.contains(k));
            checkValues(t, opts, false);
            for (String k : deletes) {
                Option o = t.options().get(k);
                if (o == null) {
                    throw ApiException.failed("no such option '" + k + "'");
                } else if (o.required()) {
                    throw ApiException.failed("unable to delete required option '" + k + "'");
                } else if (o.fixed()) {
                    throw ApiException.failed("unable to delete fixed option '" + k + "'");
                } else if (opts.containsKey(k)) {
                    throw ApiException.failed("cannot set and delete property '" + k + "' at the same time!");
                }
            }
            deletes.forEach(k -> unset(s, t, k));
            opts.forEach((k, v) -> set(s, k, v));
            return s;
        } catch (ApiException e) {
            throw ApiException.failed("update storage failed: " + e.getMessage());
        }
    }

    /** {@code DELETE /storage/{storage}}: the definition goes (volumes stay where they are), and out of every pool. */
    public static void delete(Cluster c, String id) {
        try {
            c.storage(id);
            for (StorageDef other : c.storages.values()) {
                if (other.props.getOrDefault("base", "").startsWith(id + ":")) {
                    throw ApiException.failed("can't remove storage - storage is used as base of another storage");
                }
            }
        } catch (ApiException e) {
            throw ApiException.failed("delete storage failed: " + e.getMessage());
        }
        c.storages.remove(id);
        c.pools.values().forEach(p -> p.storages.remove(id));
    }

    private static Type type(String type) {
        return StorageTypes.of(type).orElseThrow(() -> ApiException.failed("unknown section type '" + type + "'"));
    }

    private static Map<String, String> options(Map<String, String> params, String... not) {
        Map<String, String> opts = new LinkedHashMap<>(params);
        opts.keySet().removeAll(List.of(not));
        opts.keySet().removeAll(SENSITIVE);
        return opts;
    }

    /** The plugin's {@code check_config}: every option must be the type's, fixed ones only on create; content decoded. */
    private static void checkValues(Type t, Map<String, String> opts, boolean create) {
        for (Map.Entry<String, String> e : opts.entrySet()) {
            Option o = t.options().get(e.getKey());
            if (!create && o != null && o.fixed()) {
                throw ApiException.failed("can't change value of fixed parameter '" + e.getKey() + "'");
            }
            if (o == null) {
                throw ApiException.failed("unexpected property '" + e.getKey() + "'");
            }
            if (e.getKey().equals("content")) {
                e.setValue(content(t, e.getValue()));
            }
        }
    }

    /** @return the content types the type supports, in the order given; PVE only warns about the others. */
    private static String content(Type t, String value) {
        Set<String> kept = new LinkedHashSet<>();
        for (String ct : value.split("[,;\\s\\x00]+")) {
            if (t.content().contains(ct)) {
                kept.add(ct);
            }
        }
        if (kept.contains("none") && kept.size() > 1) {
            throw ApiException.failed("unable to combine 'none' with other content types");
        }
        if (kept.isEmpty() && !t.content().contains("none")) {
            throw ApiException.failed("storage does not support content type 'none'");
        }
        return kept.isEmpty() ? "none" : String.join(",", kept);
    }

    private static void set(StorageDef s, String key, String value) {
        switch (key) {
            case "content" -> s.content = value;
            case "shared" -> s.shared = value.equals("1");
            case "nodes" -> s.nodes = String.join(",", value.trim().split("[,;\\s]+"));
            default -> s.props.put(key, value);
        }
    }

    private static void unset(StorageDef s, Type t, String key) {
        switch (key) {
            case "content" -> s.content = t.defaultContent();
            case "shared" -> s.shared = false;
            case "nodes" -> s.nodes = "";
            default -> s.props.remove(key);
        }
    }
}
