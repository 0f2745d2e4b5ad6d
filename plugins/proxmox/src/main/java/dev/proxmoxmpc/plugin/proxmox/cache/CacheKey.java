package dev.proxmoxmpc.plugin.proxmox.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a cached answer answers: a GET path below {@code /api2/json} and its query. Only the reads on the whitelist
 * can be keys (storage content lists), so nothing else, and no secret, can reach the cache.
 *
 * @param path  the API path ({@code /nodes/pve1/storage/local/content})
 * @param query the query parameters, sorted by name
 */
public record CacheKey(String path, SortedMap<String, String> query) {
    /** The reads whose answers may be cached. None of them is read by discovery, the change executor or tasks. */
    private static final List<Pattern> CACHEABLE = List.of(Pattern.compile("/nodes/[^/]+/storage/[^/]+/content"));
    /** Longer names are cut and end in a hash, well below the 255 bytes most file systems allow. */
    private static final int MAX_NAME = 160;

    public CacheKey {
        Objects.requireNonNull(path, "path");
        if (CACHEABLE.stream().noneMatch(p -> p.matcher(path).matches())) {
            throw new IllegalArgumentException("not a cacheable read: " + path);
        }
        query = Collections.unmodifiableSortedMap(new TreeMap<>(query));
    }

    /** @return the key of {@code GET path?query}; throws {@link IllegalArgumentException} for a read not on the whitelist */
    public static CacheKey of(String path, Map<String, String> query) {
        return new CacheKey(path, new TreeMap<>(query));
    }

    /**
     * The entry's file name: the path segments joined by {@code _}, then {@code @} and the query as
     * {@code name=value} pairs joined by {@code ,}, then {@code .json}
     * ({@code nodes_pve1_storage_local_content@content=iso.json}). Letters, digits, {@code -} and an inner {@code .}
     * stay as they are; every other byte is {@code %XX}, so the name has no separator, never starts with a dot and
     * always stays inside the cache directory. The same key gives the same name.
     */
    public String fileName() {
        StringJoiner segments = new StringJoiner("_");
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(encode(segment));
            }
        }
        StringJoiner pairs = new StringJoiner(",");
        query.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
        String name = query.isEmpty() ? segments.toString() : segments + "@" + pairs;
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME - 33) + "-" + sha256(name).substring(0, 32);
        }
        return name + ".json";
    }

    /** Percent-encodes every UTF-8 byte outside {@code [A-Za-z0-9-]}, and a dot that starts the text. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean plain = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-'
                    || b == '.' && i > 0;
            if (plain) {
                out.append((char) b);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
