package dev.proxmoxmpc.kernel.backend;

import picocli.CommandLine.Option;

/** The PostgreSQL state flags shared by {@code /init} and {@code /state migrate} (a picocli mixin). */
public final class PostgresOptions {
    @Option(names = "--state-url", paramLabel = "URL", description = "postgresql: jdbc:postgresql://HOST:5432/DB")
    public String url = "";
    @Option(names = "--state-user", paramLabel = "U", description = "postgresql: the role to log in as")
    public String user = "";
    @Option(names = "--state-password-env", paramLabel = "VAR",
            description = "postgresql: the variable holding the role's password")
    public String passwordEnv = "";
    @Option(names = "--state-schema", paramLabel = "S", description = "postgresql: the schema (one per project)")
    public String schema = "";

    /** @return whether any of the flags was given */
    public boolean given() {
        return !url.isEmpty() || !user.isEmpty() || !passwordEnv.isEmpty() || !schema.isEmpty();
    }

    /** @return the flags checked for form */
    public PostgresTarget target() {
        return PostgresTarget.of(url, user, passwordEnv, schema);
    }
}
