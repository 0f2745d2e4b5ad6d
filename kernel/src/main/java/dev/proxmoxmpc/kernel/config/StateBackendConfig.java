package dev.proxmoxmpc.kernel.config;

import java.util.Objects;

/**
 * Where the state store lives ({@code state:} in config.yml).
 *
 * @param backend {@code sqlite} (the default, {@code .proxmox/state.db}) or {@code postgresql}
 * @param url     the JDBC URL for PostgreSQL ({@code jdbc:postgresql://db:5432/mpc}), or {@code ""}
 * @param user    the PostgreSQL user, or {@code ""}
 * @param schema  the PostgreSQL schema, or {@code ""} for the user's default
 * @param passwordEnv the environment variable holding the PostgreSQL password ({@code password_env}), or {@code ""}
 *                for the secret {@link #PASSWORD_SECRET}
 */
public record StateBackendConfig(String backend, String url, String user, String schema, String passwordEnv) {
    /** The secret name of the PostgreSQL password: env {@code PROXMOX_MPC_POSTGRESQL_SECRET} or secrets.yml. */
    public static final String PASSWORD_SECRET = "postgresql";

    public StateBackendConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(passwordEnv, "passwordEnv");
    }

    /** A PostgreSQL backend. */
    public static StateBackendConfig postgresql(String url, String user, String schema, String passwordEnv) {
        return new StateBackendConfig("postgresql", url, user, schema, passwordEnv);
    }

    /** The default: SQLite in {@code .proxmox/state.db}. */
    public static StateBackendConfig sqlite() {
        return new StateBackendConfig("sqlite", "", "", "", "");
    }

    public boolean postgresql() {
        return backend.equals("postgresql");
    }
}
