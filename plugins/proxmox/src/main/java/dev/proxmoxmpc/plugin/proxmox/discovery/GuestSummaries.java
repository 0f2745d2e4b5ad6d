package dev.proxmoxmpc.plugin.proxmox.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /cluster/resources} showed of each guest when discovery last read that guest's config, with the config's
 * digest, kept in the environment's cache directory. A targeted read takes a guest from the stored inventory only when
 * its summary now is the same and the stored copy carries the same digest (so a stored copy from another read, an older
 * state or another server is never taken for this one). A missing, unreadable or foreign file means "read every guest".
 *
 * <p>The summary is every field of the row except the ones that move on their own (usage counters, uptime): node,
 * status, name, template, sizes, tags, lock, HA state, pool, and whatever else a server version adds.
 */
public final class GuestSummaries {
    private static final Logger LOG = LoggerFactory.getLogger(GuestSummaries.class);
    /** Not a {@code ResponseCache} entry name (those start with a letter, digit, '%' or '-'): clearing the cache keeps it. */
    static final String FILE = "_guest-summaries.json";
    /** Row fields that change without a change to the guest: left out of the summary. */
    private static final Set<String> MOVING = Set.of("id", "uptime", "cpu", "mem", "memhost", "disk", "diskread", "diskwrite",
            "netin", "netout", "swap", "balloon", "freemem");
    private static final long MAX_BYTES = 64L << 20;

    /** @param summary the hash of the row's summary; @param digest the config digest read with it */
    record Entry(String summary, String digest) {}

    private final Optional<Path> file;
    private final String server;

    private GuestSummaries(Optional<Path> file, String server) {
        this.file = file;
        this.server = server;
    }

    /** @return summaries kept in {@code dir}, for the server at {@code url} seen as {@code identity} */
    public static GuestSummaries in(Path dir, String url, String identity) {
        return new GuestSummaries(Optional.of(dir.toAbsolutePath().normalize().resolve(FILE)), url + " " + identity);
    }

    /** @return summaries that are never kept: every targeted read reads every guest */
    public static GuestSummaries none() {
        return new GuestSummaries(Optional.empty(), "");
    }

    /** @return the summary of a guest's {@code /cluster/resources} row: a hash of its fields that do not move on their own */
    static String summary(JsonNode row) {
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!MOVING.contains(e.getKey()) && !e.getKey().startsWith("pressure")) {
                fields.put(e.getKey(), Json.text(e.getValue()));
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            fields.forEach((k, v) -> {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(v.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** @return the kept entries by VMID; empty when there are none, the file is unreadable or was kept for another server */
    Map<Integer, Entry> load() {
        Map<Integer, Entry> out = new TreeMap<>();
        if (file.isEmpty() || !Files.isRegularFile(file.get(), LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try {
            if (Files.size(file.get()) > MAX_BYTES) {
                return out;
            }
            JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file.get()));
            if (root == null || root.path("version").asInt() != 1 || !root.path("server").asText().equals(server)) {
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("guests").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode pair = e.getValue();
                if (pair.isArray() && pair.size() == 2) {
                    out.put(Integer.parseInt(e.getKey()), new Entry(pair.get(0).asText(), pair.get(1).asText()));
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            LOG.debug("guest summaries: cannot read {}: {}", file.get(), e.toString());
            return new TreeMap<>();
        }
    }

    /** Replaces the kept entries (atomically); a failure is logged and otherwise ignored: the next read reads more. */
    void save(Map<Integer, Entry> entries) {
        if (file.isEmpty()) {
            return;
        }
        Path target = file.get();
        Path dir = target.getParent();
        Path temporary = dir.resolve("." + UUID.randomUUID() + ".tmp");
        try {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("version", 1);
            root.put("server", server);
            ObjectNode guests = root.putObject("guests");
            new TreeMap<>(entries).forEach((vmid, e) -> guests.putArray(String.valueOf(vmid)).add(e.summary()).add(e.digest()));
            Files.createDirectories(dir);
            Files.write(temporary, Json.MAPPER.writeValueAsBytes(root), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("guest summaries: cannot write {}: {}", target, e.toString());
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                LOG.debug("guest summaries: cannot remove {}: {}", temporary, e.toString());
            }
        }
    }
}
