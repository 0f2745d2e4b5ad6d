package dev.proxmoxmpc.plugin.proxmox.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.cache.CacheKey;
import dev.proxmoxmpc.plugin.proxmox.cache.CachedReads;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code GET /nodes/{node}/storage/{storage}/content} as {@link Volume}s, read under a {@link ReadPolicy}. The ids
 * are checked before any request, so a typo never reaches the server nor names a cache file.
 */
public final class StorageContent {
    /** PVE's {@code pve-node} format. */
    private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    /** PVE's {@code pve-storage-id} format. */
    private static final Pattern STORAGE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]*[a-zA-Z0-9]");
    /** PVE's {@code pve-storage-content} values. */
    private static final Set<String> CONTENT = Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import");

    private final PveClient client;
    private final CachedReads reads;

    public StorageContent(PveClient client, CachedReads reads) {
        this.client = client;
        this.reads = reads;
    }

    /**
     * @param content a content type, or {@code ""} for all
     * @return the volumes sorted by volume id; empty under {@code CACHE_ONLY} when nothing is cached
     * @throws ProviderException {@code INVALID} for a malformed id, else as the client maps the server's answer
     */
    public List<Volume> list(String node, String storage, String content, ReadPolicy policy) {
        check(NODE.matcher(node).matches(), "node name", node, "letters, digits and inner hyphens, e.g. pve1");
        check(STORAGE.matcher(storage).matches(), "storage id", storage,
                "a letter, then letters, digits, '-', '_' or '.', e.g. local-lvm");
        check(content.isEmpty() || CONTENT.contains(content), "content type", content,
                "one of " + String.join(", ", CONTENT.stream().sorted().toList()) + ", or none for all");
        String path = "/nodes/" + node + "/storage/" + storage + "/content";
        Map<String, String> query = content.isEmpty() ? Map.of() : Map.of("content", content);
        return reads.read(CacheKey.of(path, query), policy, () -> client.get(path, query))
                .map(StorageContent::volumes).orElse(List.of());
    }

    private static void check(boolean valid, String what, String value, String expected) {
        if (!valid) {
            throw new ProviderException(ProviderException.Kind.INVALID, "invalid " + what + " '" + printable(value)
                    + "': expected " + expected);
        }
    }

    /** @return the value with control characters shown as {@code ?}, so the message stays one line */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    /** @return the rows of a content list as volumes, sorted by volume id (rows without one are skipped) */
    static List<Volume> volumes(JsonNode rows) {
        List<Volume> out = new ArrayList<>();
        for (JsonNode row : rows) {
            String volid = Json.string(row, "volid");
            if (volid.isEmpty()) {
                continue;
            }
            long size = Json.longValue(row, "size", Json.longValue(row, "approximate-size", 0));
            long ctime = Json.longValue(row, "ctime", 0);
            out.add(new Volume(volid, Json.string(row, "content"), Json.string(row, "format"), Math.max(0, size),
                    (int) Json.longValue(row, "vmid", 0), ctime > 0 ? Instant.ofEpochSecond(ctime) : Instant.EPOCH));
        }
        out.sort(Comparator.comparing(Volume::volid));
        return out;
    }
}
