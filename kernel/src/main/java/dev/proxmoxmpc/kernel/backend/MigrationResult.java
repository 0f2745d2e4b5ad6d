package dev.proxmoxmpc.kernel.backend;

import java.util.List;

/**
 * What {@code /state migrate} did ({@code --json} prints this).
 *
 * @param from          where the state was (left as it was)
 * @param to            where it is now; config.yml names it
 * @param schemaVersion the schema version of both sides
 * @param tables        every table copied, with its rows and the content hash both sides agreed on
 * @param backup        the former {@code state.db}, kept as {@code .proxmox/state.db.bak-<time>}, or {@code ""}
 */
public record MigrationResult(String from, String to, String schemaVersion, List<Table> tables, String backup) {
    public MigrationResult {
        tables = List.copyOf(tables);
    }

    /** One copied table. */
    public record Table(String table, long rows, String sha256) {}

    public long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }
}
