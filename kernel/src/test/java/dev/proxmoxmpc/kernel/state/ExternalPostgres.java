package dev.proxmoxmpc.kernel.state;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server tests use, from {@code MPC_PG_URL}, {@code MPC_PG_USER}, {@code MPC_PG_PASSWORD}. Absent, the
 * tests skip with the reason, unless {@code MPC_REQUIRE_EXTERNAL=1}: then they fail.
 */
public final class ExternalPostgres {
    public final String url = System.getenv("MPC_PG_URL");
    public final String user = System.getenv().getOrDefault("MPC_PG_USER", "");
    public final String password = System.getenv().getOrDefault("MPC_PG_PASSWORD", "");

    public static ExternalPostgres required() {
        ExternalPostgres pg = new ExternalPostgres();
        if (pg.url == null || pg.url.isBlank()) {
            String reason = "PostgreSQL tests need MPC_PG_URL (jdbc:postgresql://127.0.0.1:5432/mpc_test), "
                    + "MPC_PG_USER and MPC_PG_PASSWORD";
            if ("1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"))) {
                fail(reason + " (MPC_REQUIRE_EXTERNAL=1)");
            }
            Assumptions.abort(reason);
        }
        return pg;
    }

    /** @return a new unique schema name for one test */
    public static String freshSchema() {
        return "mpc_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    public void dropSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
