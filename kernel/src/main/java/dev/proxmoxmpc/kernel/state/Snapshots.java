package dev.proxmoxmpc.kernel.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Snapshots: a row in {@code snapshots} plus {@code history/<id>.json} ({@code {id, time, cause, counts,
 * inventory}}); the row keeps a copy of the document for machines sharing a PostgreSQL state. The document is written
 * first; if the row cannot be written the document is removed again. Each belongs to the store's environment.
 */
final class Snapshots {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final MyBatisStateStore store;
    private final Path historyDir;
    private final Clock clock;

    Snapshots(MyBatisStateStore store, Path historyDir, Clock clock) {
        this.store = store;
        this.historyDir = historyDir;
        this.clock = clock;
    }

    SnapshotInfo take(String cause, Inventory inventory) {
        String safeCause = cause.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (safeCause.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs a cause (sync, apply, backup)");
        }
        Instant now = clock.instant();
        return store.inTransaction("record a snapshot", m -> {
            String base = ID.format(now) + "-" + safeCause;
            String id = base;
            for (int n = 2; m.snapshotExists(id) > 0 || !reserve(document(id)); n++) {
                id = base + "-" + n;
            }
            SnapshotInfo info = new SnapshotInfo(id, now, safeCause, inventory.nodes().size(), inventory.vms().size(),
                    inventory.containers().size());
            Path doc = document(id);
            String json = document(info, inventory);
            try {
                MyBatisStateStore.writeDocument(doc, json);
                m.insertSnapshot(id, Times.format(now), safeCause, info.nodes(), info.vms(), info.containers(),
                        "history/" + doc.getFileName(), json, store.environment());
            } catch (RuntimeException e) {
                deleteQuietly(doc);
                throw e;
            }
            return info;
        });
    }

    Optional<Inventory> load(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Map<String, Object> row = store.inTransaction("read a snapshot", m -> m.snapshot(id, store.environment()));
        if (row == null) {
            return Optional.empty();
        }
        Path doc = document(id);
        String json;
        if (Files.isRegularFile(doc) && Files.isReadable(doc)) {
            json = MyBatisStateStore.readDocument(doc);
        } else if (!Rows.text(row, "content").isEmpty()) {
            json = Rows.text(row, "content"); // taken on another machine sharing this database
        } else {
            throw new StateException("snapshot " + id + " has lost its document " + doc + "; restore it from a backup");
        }
        JsonNode tree = InventoryJson.fromJson(json, JsonNode.class);
        return Optional.of(InventoryJson.fromJson(tree.path("inventory").toString(), Inventory.class));
    }

    static SnapshotInfo info(Map<String, Object> r) {
        return new SnapshotInfo(Rows.text(r, "id"), Rows.instant(r, "time"), Rows.text(r, "cause"),
                Rows.integer(r, "nodes"), Rows.integer(r, "vms"), Rows.integer(r, "containers"));
    }

    private Path document(String id) {
        return historyDir.resolve(id + ".json");
    }

    private static String document(SnapshotInfo info, Inventory inventory) {
        ObjectNode root = InventoryJson.mapper().createObjectNode();
        root.put("id", info.id());
        root.put("time", info.time().toString());
        root.put("cause", info.cause());
        root.put("nodes", info.nodes());
        root.put("vms", info.vms());
        root.put("containers", info.containers());
        root.set("inventory", InventoryJson.mapper().valueToTree(inventory));
        return root.toPrettyString() + "\n";
    }

    /** Creates the (empty) document file, so a concurrent snapshot cannot pick the same id. */
    private static boolean reserve(Path doc) {
        try {
            Files.createDirectories(doc.getParent());
            Files.createFile(doc);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StateException("cannot write " + doc + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the row was not written either; a stray document is harmless
        }
    }
}
