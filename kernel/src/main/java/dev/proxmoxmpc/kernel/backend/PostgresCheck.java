package dev.proxmoxmpc.kernel.backend;

import dev.proxmoxmpc.spi.command.CommandException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Checks a PostgreSQL state target before anything is written: reachable, the password accepted, the database there,
 * and the role allowed to use (and, for a new state, create tables in) the schema. Each failure is one line.
 */
public final class PostgresCheck {
    private static final int TIMEOUT_SECONDS = 10;

    private PostgresCheck() {}

    /**
     * What the check found.
     *
     * @param server        the server version ({@code 15.4})
     * @param schema        the schema the state goes to (the role's default when none was named)
     * @param existingState whether the schema already holds a proxmox-mpc state (a team member joining it)
     */
    public record Found(String server, String schema, boolean existingState) {}

    /** @return the password from the variable the target names */
    public static String password(PostgresTarget target, Function<String, String> env) {
        String v = env.apply(target.passwordEnv());
        if (v == null || v.isEmpty()) {
            throw new CommandException("the environment variable " + target.passwordEnv()
                    + " (the PostgreSQL password, --state-password-env) is not set; nothing was saved");
        }
        return v;
    }

    /**
     * @return what was found
     * @throws CommandException one line: unreachable, authentication failed, no such database, or no rights on the schema
     */
    public static Found check(PostgresTarget target, String password) {
        try (Connection c = connect(target, password)) {
            String server = c.getMetaData().getDatabaseProductVersion();
            String schema = target.schema().isEmpty() ? currentSchema(c, target) : target.schema();
            boolean exists = schemaExists(c, schema);
            if (!exists) {
                if (!bool(c, "SELECT has_database_privilege(current_database(), 'CREATE')")) {
                    throw rights(target, schema, "may not create the schema " + schema + " in the database "
                            + target.database(), "create it owned by " + target.user() + " (CREATE SCHEMA " + schema
                            + " AUTHORIZATION " + target.user() + ")");
                }
                return new Found(server, schema, false);
            }
            if (!bool(c, "SELECT has_schema_privilege(?, 'USAGE')", schema)) {
                throw rights(target, schema, "has no USAGE right on the schema " + schema, "GRANT USAGE, CREATE ON SCHEMA "
                        + schema + " TO " + target.user());
            }
            boolean state = bool(c, "SELECT to_regclass(quote_ident(?) || '.flyway_schema_history') IS NOT NULL", schema);
            if (!state && !bool(c, "SELECT has_schema_privilege(?, 'CREATE')", schema)) {
                throw rights(target, schema, "may not create tables in the schema " + schema, "GRANT CREATE ON SCHEMA "
                        + schema + " TO " + target.user() + ", or pass --state-schema with a schema of its own");
            }
            if (state && !bool(c, "SELECT has_table_privilege(quote_ident(?) || '.flyway_schema_history', 'SELECT')", schema)) {
                throw rights(target, schema, "may not read the proxmox-mpc state in the schema " + schema,
                        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + target.user());
            }
            return new Found(server, schema, state);
        } catch (SQLException e) {
            throw new CommandException(describe(target, e));
        }
    }

    /** @return a new connection to the target (its schema current when it exists), with short timeouts */
    static Connection connect(PostgresTarget target, String password) throws SQLException {
        return DriverManager.getConnection(target.url(), target.properties(password, TIMEOUT_SECONDS));
    }

    /** @return one line for a failed connection or query, by SQL state */
    static String describe(PostgresTarget target, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String at = target.host() + ":" + target.port();
        if (state.startsWith("08") || cause(e, ConnectException.class) || cause(e, UnknownHostException.class)
                || cause(e, SocketTimeoutException.class) || cause(e, NoRouteToHostException.class)) {
            String why = cause(e, UnknownHostException.class) ? "unknown host" : cause(e, SocketTimeoutException.class)
                    ? "timed out" : "connection refused";
            return "cannot reach PostgreSQL at " + at + " (" + why + "): check the host and port in --state-url and "
                    + "that the server accepts connections; nothing was saved";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "PostgreSQL at " + at + " refused the role " + target.user() + " (authentication failed): check "
                    + "--state-user and the password in " + target.passwordEnv() + "; nothing was saved";
        }
        if (state.equals("3D000")) {
            return "the database " + target.database() + " does not exist on " + at + ": create it (createdb -O "
                    + target.user() + " " + target.database() + ") or fix --state-url; nothing was saved";
        }
        if (state.equals("42501")) {
            return "the role " + target.user() + " lacks a right on " + target.shown() + ": "
                    + oneLine(e.getMessage()) + "; nothing was saved";
        }
        return "cannot use PostgreSQL at " + target.shown() + ": " + oneLine(e.getMessage()) + "; nothing was saved";
    }

    private static CommandException rights(PostgresTarget target, String schema, String what, String fix) {
        return new CommandException("the role " + target.user() + " " + what + " (" + target.host() + ":" + target.port()
                + "/" + target.database() + "): " + fix + "; nothing was saved");
    }

    private static String currentSchema(Connection c, PostgresTarget target) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT current_schema()"); ResultSet r = s.executeQuery()) {
            String schema = r.next() ? r.getString(1) : null;
            if (schema == null) {
                throw new CommandException("the role " + target.user() + " has no default schema in " + target.database()
                        + " (empty search_path): pass --state-schema; nothing was saved");
            }
            return schema;
        }
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        return bool(c, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", schema);
    }

    private static boolean bool(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static boolean cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
