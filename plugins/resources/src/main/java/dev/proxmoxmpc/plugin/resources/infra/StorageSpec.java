package dev.proxmoxmpc.plugin.resources.infra;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.model.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code create storage} options turned into a {@link Storage} with the keys {@code POST /storage} takes, per type:
 * {@code dir} (path), {@code nfs} (server, export, path {@code /mnt/pve/ID}), {@code lvmthin} (vgname, thinpool); the
 * content list always explicit, sorted (default: what the type's plugin defaults to).
 */
public final class StorageSpec {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9\\-_.]*[a-z0-9]");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_./-]*");
    private static final Pattern VG = Pattern.compile("[a-zA-Z0-9.+_][a-zA-Z0-9.+_-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9a-fA-F:]+\\]");
    private static final Map<String, Set<String>> CONTENT = Map.of(
            "dir", Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import"),
            "nfs", Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import"),
            "lvmthin", Set.of("images", "rootdir"));
    private static final Map<String, String> DEFAULT_CONTENT = Map.of("dir", "images,rootdir", "nfs", "images",
            "lvmthin", "images,rootdir");

    private StorageSpec() {}

    public static Storage build(StorageFlags a, Set<String> existingIds, List<String> knownNodes) {
        String id = Optional.ofNullable(a.name).orElseThrow(() -> new UsageException("missing --name (the storage id, like nfs-backup)"));
        if (!ID.matcher(id).matches()) {
            throw new UsageException("--name '" + id + "' is not a storage id: lower-case letters, digits, '-', '_', '.', starting with a letter");
        }
        if (existingIds.contains(id)) {
            throw new CommandException("storage '" + id + "' already exists");
        }
        String type = Optional.ofNullable(a.type).orElseThrow(() -> new UsageException("missing --type (dir, nfs or lvmthin)"));
        if (!CONTENT.containsKey(type)) {
            throw new UsageException("--type must be dir, nfs or lvmthin, got '" + type + "'");
        }
        Map<String, String> cfg = new TreeMap<>();
        switch (type) {
            case "dir" -> cfg.put("path", path("--path", require(a.path, "--path", "dir")));
            case "nfs" -> {
                String server = require(a.server, "--server", "nfs");
                if (!HOST.matcher(server).matches()) {
                    throw new UsageException("--server '" + server + "' is not a host name or address");
                }
                cfg.put("server", server);
                cfg.put("export", path("--export", require(a.export, "--export", "nfs")));
                cfg.put("path", Optional.ofNullable(a.path).map(p -> path("--path", p)).orElse("/mnt/pve/" + id));
            }
            default -> {
                cfg.put("vgname", vg("--vgname", require(a.vgname, "--vgname", "lvmthin")));
                cfg.put("thinpool", vg("--thinpool", require(a.thinpool, "--thinpool", "lvmthin")));
            }
        }
        Map<String, String> given = new java.util.LinkedHashMap<>();
        given.put("path", a.path);
        given.put("server", a.server);
        given.put("export", a.export);
        given.put("vgname", a.vgname);
        given.put("thinpool", a.thinpool);
        for (Map.Entry<String, String> f : given.entrySet()) {
            if (f.getValue() != null && !cfg.containsKey(f.getKey())) {
                throw new UsageException("--" + f.getKey() + " does not apply to type " + type);
            }
        }
        cfg.put("content", content(type, Optional.ofNullable(a.content).orElse(DEFAULT_CONTENT.get(type))));
        Optional.ofNullable(a.nodes).ifPresent(n -> cfg.put("nodes", nodes(n, knownNodes)));
        if (a.shared) {
            if (!type.equals("dir")) {
                throw new UsageException("--shared applies to dir storage (" + type + " is shared or local by its nature)");
            }
            cfg.put("shared", "1");
        }
        return new Storage(id, type, cfg);
    }

    private static String require(String value, String flag, String type) {
        return Optional.ofNullable(value).orElseThrow(() -> new UsageException("missing " + flag + " (needed for type " + type + ")"));
    }

    private static String path(String flag, String p) {
        if (!PATH.matcher(p).matches() || p.contains("..") || p.equals("/")) {
            throw new UsageException(flag + " '" + p + "' must be an absolute path without '..' or spaces");
        }
        return p;
    }

    private static String vg(String flag, String v) {
        if (!VG.matcher(v).matches()) {
            throw new UsageException(flag + " '" + v + "' is not a volume group or pool name");
        }
        return v;
    }

    private static String content(String type, String value) {
        TreeSet<String> out = new TreeSet<>();
        for (String c : value.trim().split("[,; ]+")) {
            if (!CONTENT.get(type).contains(c)) {
                throw new UsageException("--content '" + c + "' is not possible on " + type + " storage; allowed: "
                        + String.join(", ", new TreeSet<>(CONTENT.get(type))));
            }
            out.add(c);
        }
        return String.join(",", out);
    }

    private static String nodes(String value, List<String> known) {
        TreeSet<String> out = new TreeSet<>();
        for (String n : value.trim().split("[,; ]+")) {
            if (!known.contains(n)) {
                throw new CommandException("unknown node '" + n + "' (--nodes); known nodes: " + String.join(", ", known));
            }
            out.add(n);
        }
        return String.join(",", out);
    }
}
