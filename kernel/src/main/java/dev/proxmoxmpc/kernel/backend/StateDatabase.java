package dev.proxmoxmpc.kernel.backend;

import dev.proxmoxmpc.kernel.state.StateStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/**
 * A state database reached over plain JDBC, for copying and inspecting it whole (the store's own pool serves the
 * commands).
 *
 * @param dialect {@code sqlite} or {@code postgresql}
 * @param url     the JDBC URL
 * @param props   driver properties (user, password, schema)
 * @param schema  the PostgreSQL schema, or null for SQLite or the role's default
 * @param shown   how messages name it (never a password)
 */
record StateDatabase(String dialect, String url, Properties props, String schema, String shown) {

    static StateDatabase sqlite(Path file, String shown) {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "10000");
        return new StateDatabase("sqlite", "jdbc:sqlite:" + file.toAbsolutePath(), p, null, shown);
    }

    static StateDatabase postgresql(PostgresTarget target, String password) {
        Properties p = target.properties(password, 10);
        p.setProperty("ApplicationName", "proxmox-mpc state");
        return new StateDatabase("postgresql", target.url(), p, target.schema().isEmpty() ? null : target.schema(),
                target.shown());
    }

    boolean postgresql() {
        return dialect.equals("postgresql");
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url, props);
    }

    /** Creates (PostgreSQL: the schema too) and migrates the tables up to {@code version}. */
    void migrateTo(String version) {
        String driver = postgresql() ? "org.postgresql.Driver" : "org.sqlite.JDBC";
        StateStores.migrateTo(new UnpooledDataSource(StateDatabase.class.getClassLoader(), driver, url, props), dialect,
                schema, version);
    }

    /** @return the Flyway version of the schema, or {@code ""} when it has none */
    static String version(Connection c) throws SQLException {
        if (!hasHistory(c)) {
            return "";
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM "
                + StateTables.HISTORY + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return r.next() ? r.getString(1) : "";
        }
    }

    static boolean hasHistory(Connection c) throws SQLException {
        String schema = c.getSchema();
        boolean pg = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (ResultSet r = c.getMetaData().getTables(null, pg ? schema : null, StateTables.HISTORY, new String[] {"TABLE"})) {
            while (r.next()) {
                if (!pg || schema == null || schema.equals(r.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
