package dev.proxmoxmpc.kernel.backend;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.StateBackendConfig;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL state database as the user names it: no password, only the environment variable that holds it.
 *
 * @param url         {@code jdbc:postgresql://db.example.com:5432/mpc}
 * @param user        the role to log in as
 * @param passwordEnv the environment variable holding its password
 * @param schema      the schema (one per project), or {@code ""} for the role's default
 */
public record PostgresTarget(String url, String user, String passwordEnv, String schema) {
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://(\\[[^]]+]|[^/:?\\[]+)(?::(\\d{1,5}))?/([^/?]+)(\\?.*)?");
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public PostgresTarget {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordEnv, "passwordEnv");
        Objects.requireNonNull(schema, "schema");
    }

    /**
     * @return the target checked for form (pure): a URL with host and database and no password, a user, the name of
     *     an environment variable, a plain lower-case schema name
     * @throws UsageException one line naming the flag
     */
    public static PostgresTarget of(String url, String user, String passwordEnv, String schema) {
        String u = url == null ? "" : url.trim();
        if (u.isEmpty()) {
            throw new UsageException("the postgresql state needs --state-url jdbc:postgresql://HOST:5432/DB");
        }
        if (!URL.matcher(u).matches()) {
            throw new UsageException("--state-url must look like jdbc:postgresql://HOST:5432/DB, got '"
                    + u.replaceAll("(?i)password=[^&]*", "password=***") + "'");
        }
        if (u.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new UsageException("--state-url must not carry the password: put it in an environment variable and "
                    + "name it with --state-password-env");
        }
        if (user == null || user.isBlank()) {
            throw new UsageException("the postgresql state needs --state-user (the PostgreSQL role)");
        }
        if (passwordEnv == null || !ENV_VAR.matcher(passwordEnv).matches()) {
            throw new UsageException("the postgresql state needs --state-password-env VAR, the NAME of an environment "
                    + "variable holding the password");
        }
        String s = schema == null ? "" : schema.trim();
        if (!s.isEmpty() && !SCHEMA.matcher(s).matches()) {
            throw new UsageException("--state-schema must be a plain lower-case name (letters, digits, '_'), got '" + s + "'");
        }
        return new PostgresTarget(u, user.trim(), passwordEnv, s);
    }

    /** @return the target config.yml names ({@code state:} with backend postgresql) */
    public static PostgresTarget of(StateBackendConfig config) {
        return new PostgresTarget(config.url(), config.user(), config.passwordEnv(), config.schema());
    }

    public String host() {
        return part(1, "");
    }

    public int port() {
        String p = part(2, "");
        return p.isEmpty() ? 5432 : Integer.parseInt(p);
    }

    public String database() {
        return part(3, "");
    }

    private String part(int group, String otherwise) {
        Matcher m = URL.matcher(url);
        return m.matches() && m.group(group) != null ? m.group(group) : otherwise;
    }

    /** @return {@code db.example.com:5432/mpc schema team_a} for messages (never a password) */
    public String shown() {
        return host() + ":" + port() + "/" + database() + (schema.isEmpty() ? "" : " schema " + schema);
    }

    /** @return the driver properties: user, password, schema, short timeouts (a check must not hang) */
    Properties properties(String password, int timeoutSeconds) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        if (!schema.isEmpty()) {
            p.setProperty("currentSchema", schema);
        }
        p.setProperty("connectTimeout", String.valueOf(timeoutSeconds));
        p.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        p.setProperty("ApplicationName", "proxmox-mpc check");
        return p;
    }

    /** @return the {@code state:} section of config.yml for this target */
    public ConfigDocument.StateDocument document() {
        ConfigDocument.StateDocument d = new ConfigDocument.StateDocument();
        d.backend = "postgresql";
        d.url = url;
        d.user = user;
        d.schema = schema;
        d.passwordEnv = passwordEnv;
        return d;
    }
}
