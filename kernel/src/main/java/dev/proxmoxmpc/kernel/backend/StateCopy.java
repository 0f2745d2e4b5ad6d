package dev.proxmoxmpc.kernel.backend;

import dev.proxmoxmpc.spi.command.CommandException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Copies every table of one state database into another, then verifies both sides. The target is first migrated to
 * the source's schema version; it must hold no rows. The source is read in one transaction (one consistent
 * snapshot) and never written; the target is written in one transaction, in batches.
 */
final class StateCopy {
    private static final int BATCH = 500;
    private final BiPredicate<String, Map<String, Object>> skip;

    /** @param skip rows not to copy, by table name ({@code /state migrate}'s own lock) */
    StateCopy(BiPredicate<String, Map<String, Object>> skip) {
        this.skip = skip;
    }

    /**
     * What was copied and verified.
     *
     * @param version the schema version both sides are at
     * @param tables  per table, in copy order: its rows and content hash, equal on both sides
     */
    record Copied(String version, List<TableDigest> tables) {
        Copied {
            tables = List.copyOf(tables);
        }

        long rows() {
            return tables.stream().mapToLong(TableDigest::rows).sum();
        }
    }

    Copied copy(StateDatabase from, StateDatabase to) {
        try (Connection src = from.open()) {
            src.setAutoCommit(false);
            if (from.postgresql()) {
                src.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            String version = StateDatabase.version(src);
            if (version.isEmpty()) {
                throw new CommandException("the source " + from.shown() + " holds no proxmox-mpc state");
            }
            migrateTarget(to, version);
            List<StateTables.Table> tables = StateTables.list(src);
            List<TableDigest> expected = new ArrayList<>();
            try (Connection dst = to.open()) {
                dst.setAutoCommit(false);
                checkSameTables(tables, StateTables.list(dst), from, to, version);
                checkEmpty(dst, tables, to);
                for (StateTables.Table t : tables) {
                    copyTable(src, dst, t, to.postgresql());
                    expected.add(TableDigest.of(src, t, row -> skip.test(t.name(), row)));
                }
                dst.commit();
            }
            src.rollback();
            try {
                verify(to, tables, expected);
            } catch (CommandException e) {
                discard(to, tables);
                throw e;
            }
            return new Copied(version, expected);
        } catch (SQLException e) {
            throw new CommandException("cannot copy the state from " + from.shown() + " to " + to.shown() + ": "
                    + e.getMessage().replaceAll("\\s+", " ").trim() + "; config.yml is unchanged");
        }
    }

    private static void migrateTarget(StateDatabase to, String version) {
        try {
            to.migrateTo(version);
        } catch (RuntimeException e) {
            throw new CommandException("cannot create the state tables in " + to.shown() + " (schema version " + version
                    + "): " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim() + "; config.yml is unchanged");
        }
    }

    private static void checkSameTables(List<StateTables.Table> src, List<StateTables.Table> dst, StateDatabase from,
                                        StateDatabase to, String version) {
        Map<String, java.util.Set<String>> a = new java.util.TreeMap<>();
        Map<String, java.util.Set<String>> b = new java.util.TreeMap<>();
        src.forEach(t -> a.put(t.name(), new java.util.TreeSet<>(t.columns().keySet())));
        dst.forEach(t -> b.put(t.name(), new java.util.TreeSet<>(t.columns().keySet())));
        if (!a.equals(b)) {
            throw new CommandException("the tables of " + to.shown() + " differ from those of " + from.shown()
                    + " at schema version " + version + " (" + a.keySet() + " vs " + b.keySet()
                    + "); config.yml is unchanged");
        }
    }

    private static void checkEmpty(Connection dst, List<StateTables.Table> tables, StateDatabase to) throws SQLException {
        for (StateTables.Table t : tables) {
            try (Statement s = dst.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM "
                    + TableDigest.quote(t.name()))) {
                if (r.next() && r.getLong(1) > 0) {
                    throw new CommandException(to.shown() + " already holds a proxmox-mpc state (" + r.getLong(1)
                            + " rows in " + t.name() + "); migrate into an empty schema (--state-schema), or use it "
                            + "as it is with /init --state postgresql; config.yml is unchanged");
                }
            }
        }
    }

    private void copyTable(Connection src, Connection dst, StateTables.Table t, boolean postgresql) throws SQLException {
        List<String> cols = List.copyOf(t.columns().keySet());
        String insert = "INSERT INTO " + TableDigest.quote(t.name()) + " ("
                + String.join(", ", cols.stream().map(TableDigest::quote).toList()) + ")"
                + (postgresql ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ("
                + String.join(", ", cols.stream().map(c -> "?").toList()) + ")";
        try (Statement s = src.createStatement(); ResultSet r = s.executeQuery(TableDigest.select(t));
             PreparedStatement ps = dst.prepareStatement(insert)) {
            int pending = 0;
            while (r.next()) {
                Map<String, Object> row = TableDigest.row(r, t);
                if (skip.test(t.name(), row)) {
                    continue;
                }
                for (int i = 0; i < cols.size(); i++) {
                    bind(ps, i + 1, row.get(cols.get(i)), t.columns().get(cols.get(i)));
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        if (postgresql) {
            resetIdentities(dst, t);
        }
    }

    private static void bind(PreparedStatement ps, int i, Object v, int targetType) throws SQLException {
        if (v == null) {
            ps.setNull(i, targetType);
        } else if ((targetType == Types.BOOLEAN || targetType == Types.BIT) && v instanceof Number n) {
            ps.setBoolean(i, n.longValue() != 0);
        } else if (v instanceof Boolean b && targetType != Types.BOOLEAN && targetType != Types.BIT) {
            ps.setInt(i, b ? 1 : 0);
        } else {
            ps.setObject(i, v);
        }
    }

    /** Identity columns continue after the copied ids (PostgreSQL keeps their counters apart from the rows). */
    private static void resetIdentities(Connection dst, StateTables.Table t) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (PreparedStatement s = dst.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? "
                + "AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')")) {
            s.setString(1, t.name());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    identities.add(r.getString(1));
                }
            }
        }
        for (String col : identities) {
            try (PreparedStatement s = dst.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
                    + "COALESCE((SELECT max(" + TableDigest.quote(col) + ") FROM " + TableDigest.quote(t.name())
                    + "), 0) + 1, false)")) {
                s.setString(1, TableDigest.quote(t.name()));
                s.setString(2, col);
                s.executeQuery().close();
            }
        }
    }

    /** Empties a PostgreSQL target whose copy did not verify (a SQLite target is a temporary file, deleted). */
    private static void discard(StateDatabase to, List<StateTables.Table> tables) {
        if (!to.postgresql() || tables.isEmpty()) {
            return;
        }
        try (Connection dst = to.open(); Statement s = dst.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> TableDigest.quote(t.name())).toList()));
        } catch (SQLException e) {
            // the message about the failed verification matters more; the target is refused as non-empty next time
        }
    }

    private void verify(StateDatabase to, List<StateTables.Table> tables, List<TableDigest> expected) throws SQLException {
        try (Connection dst = to.open()) {
            for (int i = 0; i < tables.size(); i++) {
                StateTables.Table t = tables.get(i);
                TableDigest got = TableDigest.of(dst, t, row -> skip.test(t.name(), row));
                TableDigest want = expected.get(i);
                if (!got.equals(want)) {
                    throw new CommandException("the copy in " + to.shown() + " does not match the source: table "
                            + t.name() + " has " + got.rows() + " rows (hash " + got.sha256().substring(0, 12)
                            + ") against " + want.rows() + " (hash " + want.sha256().substring(0, 12)
                            + "); config.yml is unchanged");
                }
            }
        }
    }
}
