package dev.proxmoxmpc.plugin.simulator.state;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A storage.cfg entry: id, plugin type, content types, shared flag, restriction to nodes, other properties. */
public final class StorageDef {
    public final String id;
    public final String type;
    public String content;
    public boolean shared;
    /** Comma list of nodes, or {@code ""} for all. */
    public String nodes = "";
    public long capacityBytes;
    /** Type-specific keys as written in storage.cfg (path, vgname, thinpool, pool, server, export, ...). */
    public final Map<String, String> props = new LinkedHashMap<>();

    public StorageDef(String id, String type, String content, boolean shared, long capacityBytes) {
        this.id = id;
        this.type = type;
        this.content = content;
        this.shared = shared;
        this.capacityBytes = capacityBytes;
    }

    public boolean availableOn(String node) {
        return nodes.isEmpty() || Arrays.asList(nodes.split("[,; ]+")).contains(node);
    }

    public boolean allows(String contentType) {
        return List.of(content.split(",")).contains(contentType);
    }

    /** @return the directory of a file-based storage: its {@code path}, {@code /mnt/pve/<id>} for network storages. */
    public String path() {
        return props.getOrDefault("path", "/mnt/pve/" + id);
    }

    /** @return where a file-based storage keeps files of a content type ({@code <path>/template/iso} for ISO images). */
    public String directory(String contentType) {
        String sub = switch (contentType) {
            case "iso" -> "template/iso";
            case "vztmpl" -> "template/cache";
            case "backup" -> "dump";
            case "snippets" -> "snippets";
            case "import" -> "import";
            default -> "images";
        };
        return path() + "/" + sub;
    }

    /** @return whether volumes are files ({@code dir}, {@code nfs}, {@code cifs}) rather than block devices. */
    public boolean fileBased() {
        return type.equals("dir") || type.equals("nfs") || type.equals("cifs") || type.equals("cephfs");
    }
}
