package dev.proxmoxmpc.plugin.proxmox.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One cached answer as its file holds it:
 * <pre>{"format":1,"url":"https://pve:8006","identity":"root@pam!mpc","fetched":1764115200000,
 *  "path":"/nodes/pve1/storage/local/content","query":{"content":"iso"},"data":[...]}</pre>
 *
 * @param url      the endpoint the answer came from
 * @param identity the token id or user that read it
 * @param fetched  when it was read, epoch milliseconds
 * @param key      the request
 * @param data     the envelope's {@code data}
 */
record CacheEntry(String url, String identity, long fetched, CacheKey key, JsonNode data) {
    private static final int FORMAT = 1;

    CacheEntry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
    }

    byte[] toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("url", url);
        root.put("identity", identity);
        root.put("fetched", fetched);
        root.put("path", key.path());
        ObjectNode query = root.putObject("query");
        key.query().forEach(query::put);
        root.set("data", data);
        try {
            return Json.MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** @return the entry, or empty when the bytes are not an entry of this format (truncated, edited, foreign) */
    static Optional<CacheEntry> parse(byte[] bytes) {
        try {
            JsonNode root = Json.MAPPER.readTree(bytes);
            if (root == null || !root.isObject() || root.path("format").asInt() != FORMAT || !root.path("fetched").isIntegralNumber()
                    || !root.path("url").isTextual() || !root.path("identity").isTextual() || !root.path("path").isTextual()
                    || !root.path("query").isObject() || !root.has("data")) {
                return Optional.empty();
            }
            Map<String, String> query = new TreeMap<>();
            root.get("query").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
            CacheKey key = CacheKey.of(root.get("path").asText(), query);
            return Optional.of(new CacheEntry(root.get("url").asText(), root.get("identity").asText(),
                    root.get("fetched").longValue(), key, root.get("data")));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
