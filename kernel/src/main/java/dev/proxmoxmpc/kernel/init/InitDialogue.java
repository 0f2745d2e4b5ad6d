package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.kernel.backend.PostgresOptions;
import dev.proxmoxmpc.kernel.backend.PostgresTarget;
import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.TypeConversionException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Completes an {@link InitRequest} by asking in the console what the flags left out, and finds the secret: from the
 * named environment variable, from {@code PROXMOX_MPC_<NAME>_SECRET}, from the project's secrets.yml (a re-init, or
 * a secret stored before /init), or typed (then kept in secrets.yml).
 */
final class InitDialogue {
    private final Console console;
    private final Function<String, String> env;
    private final Path secretsFile;

    /** @param secretsFile the project's {@code .proxmox/secrets.yml} (it need not exist) */
    InitDialogue(Console console, Function<String, String> env, Path secretsFile) {
        this.console = console;
        this.env = env;
        this.secretsFile = secretsFile;
    }

    /** The secret and where it comes from ({@code typed}: asked for, or already in secrets.yml; kept there). */
    record Credentials(String secret, boolean typed, String customVariable) {
        @Override
        public String toString() {
            return "Credentials[typed=" + typed + ", variable=" + customVariable + "]";
        }
    }

    InitRequest complete(InitRequest req) {
        InitRequest r = req;
        if (r.host().isEmpty()) {
            requireInteractive("--host");
            console.info("Connect proxmox-mpc to a Proxmox VE server.");
            String host = console.prompt("Proxmox VE host (name or IP)", "").trim();
            String port = console.prompt("API port", String.valueOf(r.port())).trim();
            InitArgs typed = new InitArgs();
            typed.host = host;
            try {
                typed.port = Ranges.wholeNumber(port, 1, 65535);
            } catch (TypeConversionException e) {
                throw new UsageException("--port " + e.getMessage());
            }
            InitRequest parsed = typed.request();
            if (parsed.host().isEmpty()) {
                throw new UsageException("a host is needed");
            }
            r = r.withHost(parsed.host(), parsed.port());
        }
        if (!r.usesToken() && r.username().isEmpty()) {
            requireInteractive("--token-id (or --user)");
            String how = console.choose("Authenticate with an API token or a password?", List.of("token", "password"));
            if (how.equals("token")) {
                String id = console.prompt("API token id (user@realm!name)", "root@pam!mpc").trim();
                InitArgs.checkTokenId(id);
                r = r.withAuth(id, "");
            } else {
                String user = console.prompt("User (user@realm)", "root@pam").trim();
                InitArgs.checkUser(user);
                r = r.withAuth("", user);
            }
        }
        return r;
    }

    Credentials credentials(InitRequest r) {
        String flagVar = r.usesToken() ? r.tokenSecretEnv() : r.passwordEnv();
        String what = r.usesToken() ? "token secret" : "password";
        if (!flagVar.isEmpty()) {
            String v = env.apply(flagVar);
            if (v == null || v.isEmpty()) {
                throw new CommandException("the environment variable " + flagVar + " (the " + what + ") is not set");
            }
            String standard = SecretNames.environmentVariable(r.name());
            return new Credentials(v, false, flagVar.equals(standard) ? "" : flagVar);
        }
        String standard = env.apply(SecretNames.environmentVariable(r.name()));
        if (standard != null && !standard.isEmpty()) {
            console.info("Using the " + what + " from " + SecretNames.environmentVariable(r.name()) + ".");
            return new Credentials(standard, false, "");
        }
        Optional<String> kept = new ProjectSecrets(secretsFile, n -> null, Map.of()).get(r.name());
        if (kept.isPresent() && !kept.get().isEmpty()) {
            console.info("Using the " + what + " kept in .proxmox/secrets.yml.");
            return new Credentials(kept.get(), true, "");
        }
        if (!console.interactive()) {
            throw new UsageException("no " + what + ": pass " + (r.usesToken() ? "--token-secret-env" : "--password-env")
                    + " VAR naming an environment variable that holds it, or set "
                    + SecretNames.environmentVariable(r.name()));
        }
        String typed = console.promptSecret(r.usesToken() ? "Token secret" : "Password");
        if (typed.isEmpty()) {
            throw new CommandException("no " + what + " given; nothing was saved");
        }
        return new Credentials(typed, true, "");
    }

    /**
     * Where the state goes: the --state flags, or in the guided /init (no --host given) a question, with the
     * PostgreSQL details asked for what the flags leave out.
     *
     * @return the PostgreSQL target, or empty for SQLite
     */
    Optional<PostgresTarget> state(InitArgs args, boolean guided) {
        String backend = args.stateBackend();
        if (backend.isEmpty() && guided && console.interactive()) {
            backend = console.choose("Where should the state live (sqlite: .proxmox/state.db on this machine; "
                    + "postgresql: one database a team shares)?", List.of("sqlite", "postgresql"));
        }
        if (!backend.equals("postgresql")) {
            return Optional.empty();
        }
        PostgresOptions o = args.postgres;
        if (!console.interactive()) {
            return Optional.of(o.target());
        }
        String url = o.url.isEmpty() ? console.prompt("PostgreSQL JDBC URL", "jdbc:postgresql://localhost:5432/mpc").trim() : o.url;
        String user = o.user.isEmpty() ? console.prompt("PostgreSQL role", "mpc").trim() : o.user;
        String passwordEnv = o.passwordEnv.isEmpty()
                ? console.prompt("Environment variable holding its password", "MPC_PG_PASSWORD").trim() : o.passwordEnv;
        String schema = o.schema.isEmpty() && o.url.isEmpty()
                ? console.prompt("Schema for this project (empty: the role's default)", "").trim() : o.schema;
        return Optional.of(PostgresTarget.of(url, user, passwordEnv, schema));
    }

    private void requireInteractive(String flag) {
        if (!console.interactive()) {
            throw new UsageException("init needs " + flag + " when it cannot ask (batch mode)");
        }
    }
}
