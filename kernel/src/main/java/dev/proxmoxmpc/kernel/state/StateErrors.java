package dev.proxmoxmpc.kernel.state;

import java.sql.SQLException;

/** Turns database failures into one readable line (the innermost driver message, without stack or SQL). */
final class StateErrors {
    private StateErrors() {}

    static String describe(Throwable e) {
        Throwable t = e;
        String best = e.getMessage();
        while (t != null) {
            if (t instanceof SQLException && t.getMessage() != null) {
                best = t.getMessage();
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (best == null) {
            return e.getClass().getSimpleName();
        }
        String line = best.replaceAll("\\s+", " ").trim();
        int sql = line.indexOf("### SQL:");
        return sql > 0 ? line.substring(0, sql).trim() : line;
    }

    /** @return whether the failure says the file is not a (healthy) SQLite database */
    static boolean corrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT") || m.contains("not a database")
                    || m.contains("malformed")) {
                return true;
            }
        }
        return false;
    }
}
