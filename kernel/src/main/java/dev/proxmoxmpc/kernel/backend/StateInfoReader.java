package dev.proxmoxmpc.kernel.backend;

import dev.proxmoxmpc.kernel.state.LocalProcess;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.state.LockStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@link StateInfo}: the tables and their rows over JDBC, the locks from the store, liveness from the server. */
final class StateInfoReader {
    private StateInfoReader() {}

    /**
     * @param db      the open project's state database
     * @param file    the SQLite file, or null for PostgreSQL
     * @param target  the PostgreSQL target, or null for SQLite
     * @param locks   the held locks, as the store reports them
     */
    static StateInfo read(StateDatabase db, Path file, PostgresTarget target, List<LockStatus> locks) {
        try (Connection c = db.open()) {
            String version = StateDatabase.version(c);
            List<StateInfo.TableRows> rows = new ArrayList<>();
            for (StateTables.Table t : StateTables.list(c)) {
                rows.add(new StateInfo.TableRows(t.name(), count(c, t.name())));
            }
            Set<String> connected = db.postgresql() ? connected(c) : Set.of();
            List<StateInfo.Lock> held = locks.stream().map(l -> new StateInfo.Lock(l.name(), l.owner(), l.host(), l.pid(),
                    l.since(), state(l, db.postgresql(), connected))).toList();
            return db.postgresql()
                    ? new StateInfo("postgresql", target.host() + ":" + target.port() + "/" + target.database(),
                            target.user(), c.getSchema() == null ? "" : c.getSchema(), version, pgBytes(c), rows, held)
                    : new StateInfo("sqlite", ".proxmox/" + file.getFileName(), "", "", version, fileBytes(file), rows, held);
        } catch (SQLException e) {
            throw new CommandException("cannot read " + db.shown() + ": " + e.getMessage().replaceAll("\\s+", " ").trim());
        }
    }

    private static String state(LockStatus l, boolean postgresql, Set<String> connected) {
        if (l.host().equals(LocalProcess.host())) {
            return l.stale() ? "stale" : "alive";
        }
        if (!postgresql) {
            return "unknown";
        }
        return connected.contains(LocalProcess.connectionName(l.pid(), l.host())) ? "alive" : "stale";
    }

    /** @return the application names of the proxmox-mpc connections to the server (every process names itself) */
    private static Set<String> connected(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE 'proxmox-mpc %'")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + TableDigest.quote(table))) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static long pgBytes(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind = 'r'")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static long fileBytes(Path file) {
        long n = 0;
        for (String suffix : List.of("", "-wal")) {
            try {
                n += Files.size(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // no WAL file: nothing to add
            }
        }
        return n;
    }
}
