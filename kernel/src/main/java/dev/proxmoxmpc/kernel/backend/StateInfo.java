package dev.proxmoxmpc.kernel.backend;

import java.time.Instant;
import java.util.List;

/**
 * What {@code /state info} shows ({@code --json} prints this).
 *
 * @param backend       {@code sqlite} or {@code postgresql}
 * @param location      {@code .proxmox/state.db}, or {@code host:5432/db} (never a password)
 * @param user          the PostgreSQL role, or {@code ""}
 * @param schema        the PostgreSQL schema, or {@code ""}
 * @param schemaVersion the Flyway version of the tables ({@code 4})
 * @param bytes         the size on disk (SQLite: the file; PostgreSQL: the schema's tables and indexes)
 * @param tables        the row count of every table
 * @param locks         the locks someone holds
 */
public record StateInfo(String backend, String location, String user, String schema, String schemaVersion, long bytes,
                        List<TableRows> tables, List<Lock> locks) {
    public StateInfo {
        tables = List.copyOf(tables);
        locks = List.copyOf(locks);
    }

    /** One table and its rows. */
    public record TableRows(String table, long rows) {}

    /**
     * A held lock.
     *
     * @param state {@code alive} (its process runs, or on PostgreSQL: is connected), {@code stale} (gone: {@code /unlock
     *              NAME --force}), or {@code unknown} (another host, and the database cannot tell)
     */
    public record Lock(String name, String owner, String host, long pid, Instant since, String state) {}
}
