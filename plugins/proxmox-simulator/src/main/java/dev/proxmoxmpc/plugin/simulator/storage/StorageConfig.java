package dev.proxmoxmpc.plugin.simulator.storage;

import dev.proxmoxmpc.plugin.simulator.schema.ApiSchema;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.StorageDef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /etc/pve/storage.cfg}: its text ({@code type: id} then one tab-indented line per option), the
 * {@code digest} (SHA-1 of that text) every entry carries, and an entry as {@code GET /storage} and
 * {@code GET /storage/{storage}} answer it (integer and boolean options as JSON numbers).
 */
public final class StorageConfig {
    private StorageConfig() {
    }

    /** @return the text of storage.cfg. */
    public static String render(Collection<StorageDef> storages) {
        StringBuilder sb = new StringBuilder();
        for (StorageDef s : storages) {
            sb.append(s.type).append(": ").append(s.id).append('\n').append("\tcontent ").append(s.content).append('\n');
            s.props.forEach((k, v) -> sb.append('\t').append(k).append(' ').append(v).append('\n'));
            if (s.shared) {
                sb.append("\tshared 1\n");
            }
            if (!s.nodes.isEmpty()) {
                sb.append("\tnodes ").append(s.nodes).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** @return the digest of storage.cfg (what {@code PUT /storage/{storage}} compares {@code digest} with). */
    public static String digest(Collection<StorageDef> storages) {
        return ConfigText.sha1(render(storages));
    }

    /** @return the entry of one storage with the file's digest. */
    public static Map<String, Object> entry(StorageDef s, String digest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storage", s.id);
        m.put("type", s.type);
        m.put("content", s.content);
        s.props.forEach((k, v) -> m.put(k, ApiSchema.bundled().require("POST", "/storage").typedValue(k, v)));
        if (s.shared) {
            m.put("shared", 1);
        }
        if (!s.nodes.isEmpty()) {
            m.put("nodes", s.nodes);
        }
        m.put("digest", digest);
        return m;
    }
}
