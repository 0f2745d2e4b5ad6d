package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.kernel.backend.PostgresOptions;
import dev.proxmoxmpc.kernel.config.Credentials;
import dev.proxmoxmpc.kernel.config.Fingerprints;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.spi.command.Ranges;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code /init} options (a picocli mixin of {@link InitCommand}), checked into an {@link InitRequest} (pure). */
final class InitArgs {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");
    private static final Pattern USER = Pattern.compile("[^@\\s!]+@[^@\\s!]+");

    @Option(names = "--host", paramLabel = "H", description = "the server's host name or IP address")
    String host = "";
    @Option(names = "--port", paramLabel = "8006", converter = Ranges.Port.class, description = "the API port")
    int port = 8006;
    @Option(names = "--token-id", paramLabel = "ID", description = "the API token (user@realm!name)")
    String tokenId = "";
    @Option(names = "--token-secret-env", paramLabel = "VAR", description = "the variable holding the token secret")
    String tokenSecretEnv = "";
    @Option(names = "--user", paramLabel = "U", description = "a user (user@realm) instead of a token")
    String user = "";
    @Option(names = "--password-env", paramLabel = "VAR", description = "the variable holding the password")
    String passwordEnv = "";
    @Option(names = "--fingerprint", paramLabel = "FP", description = "pin the server certificate")
    String fingerprint = "";
    @Option(names = "--ca-file", paramLabel = "F", description = "trust this CA (kept as .proxmox/pve-root-ca.pem)")
    String caFile;
    @Option(names = "--insecure", description = "skip certificate checks")
    boolean insecure;
    @Option(names = "--node", paramLabel = "N", description = "the default node for new guests")
    String node = "";
    @Option(names = "--name", paramLabel = "ENV", description = "the environment's name (default)")
    String name = "default";
    @Option(names = "--provider", paramLabel = "ID", description = "the infrastructure provider (proxmox)")
    String provider = "proxmox";
    @Option(names = "--force", description = "replace an existing project's config")
    boolean force;
    @Option(names = "--import-existing", description = "run /sync once the project exists")
    boolean importExisting;
    @Option(names = "--skip-check", description = "write the project without testing the connection")
    boolean skipCheck;
    @Option(names = "--state", paramLabel = "sqlite|postgresql", completionCandidates = Backends.class,
            description = "where the state lives: sqlite (.proxmox/state.db, the default) or a shared postgresql")
    String state = "";
    @Mixin
    PostgresOptions postgres = new PostgresOptions();

    /** Tab: the state backends. */
    static final class Backends extends FixedCandidates {
        Backends() {
            super("sqlite", "postgresql");
        }
    }

    /**
     * @return {@code postgresql} or {@code sqlite} as asked, or {@code ""} when --state was not given (the guided
     *     /init then asks)
     */
    String stateBackend() {
        String b = state.trim().toLowerCase(Locale.ROOT);
        if (!b.isEmpty() && !b.equals("sqlite") && !b.equals("postgresql")) {
            throw new UsageException("--state must be sqlite or postgresql, got '" + state + "'");
        }
        if (postgres.given() && !b.equals("postgresql")) {
            throw new UsageException("--state-url, --state-user, --state-password-env and --state-schema go with "
                    + "--state postgresql");
        }
        return b;
    }

    /** @return the options checked for form into a request */
    InitRequest request() {
        stateBackend();
        String host = this.host.trim();
        if (!host.isEmpty() && !HOST.matcher(host).matches()) {
            throw new UsageException("--host must be a host name or IP address, got '" + host + "'");
        }
        checkTokenId(tokenId);
        checkUser(user);
        if (!tokenId.isEmpty() && !user.isEmpty()) {
            throw new UsageException("give either --token-id or --user, not both");
        }
        String secretEnv = envVar(tokenSecretEnv, "--token-secret-env");
        String passwordEnv = envVar(this.passwordEnv, "--password-env");
        String fingerprint = normalizeFingerprint(this.fingerprint);
        int tlsModes = (fingerprint.isEmpty() ? 0 : 1) + (caFile != null ? 1 : 0) + (insecure ? 1 : 0);
        if (tlsModes > 1) {
            throw new UsageException("give only one of --fingerprint, --ca-file and --insecure");
        }
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("--name must be a simple name (letters, digits, '.', '_', '-'), got '" + name + "'");
        }
        return new InitRequest(host, port, tokenId, secretEnv, user, passwordEnv, fingerprint, node, insecure,
                caFile == null ? "" : caFile, name, provider, force, importExisting, skipCheck);
    }

    static void checkTokenId(String tokenId) {
        Credentials.checkTokenId(tokenId);
    }

    static void checkUser(String user) {
        if (!user.isEmpty() && !USER.matcher(user).matches()) {
            throw new UsageException("a user looks like user@realm (root@pam), got '" + user + "'");
        }
    }

    static String normalizeFingerprint(String raw) {
        return Fingerprints.normalize(raw);
    }

    private static String envVar(String v, String flag) {
        return Credentials.envVar(v, flag);
    }
}
