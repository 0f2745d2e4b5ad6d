package dev.proxmoxmpc.kernel.state;

import java.time.Instant;
import java.util.Map;

/** Reads values from result maps the same way for SQLite and PostgreSQL (whose numeric types differ). */
final class Rows {
    private Rows() {}

    static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? "" : v.toString();
    }

    static int integer(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).intValue();
    }

    static long number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static Instant instant(Map<String, Object> row, String column) {
        return Instant.parse(text(row, column));
    }
}
