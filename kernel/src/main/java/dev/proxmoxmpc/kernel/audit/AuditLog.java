package dev.proxmoxmpc.kernel.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proxmoxmpc.kernel.state.InventoryJson;
import dev.proxmoxmpc.spi.state.AuditEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code .proxmox/audit.log}: one JSON object per line ({@code time, user, token_id, action, target, result,
 * duration_ms}), appended, never rewritten. Thread-safe.
 */
public final class AuditLog {
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** @return the JSON line for an entry, without the newline */
    public static String line(AuditEntry e) {
        ObjectNode o = InventoryJson.mapper().createObjectNode();
        o.put("time", e.time().toString());
        o.put("user", e.user());
        o.put("token_id", e.tokenId());
        o.put("action", e.action());
        o.put("target", e.target());
        o.put("result", e.result().replaceAll("[\\r\\n]+", " "));
        o.put("duration_ms", e.durationMillis());
        return o.toString();
    }

    /** Appends one line. */
    public synchronized void append(AuditEntry entry) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line(entry) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
}
