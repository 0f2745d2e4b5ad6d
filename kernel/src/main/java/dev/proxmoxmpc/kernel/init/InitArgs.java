package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.kernel.config.Credentials;
import dev.proxmoxmpc.kernel.config.Fingerprints;
import dev.proxmoxmpc.kernel.config.ProjectConfigs;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses {@code /init} flags into an {@link InitRequest} (pure). */
final class InitArgs {
    static final Set<String> VALUE_FLAGS = Set.of("--host", "--port", "--token-id", "--token-secret-env", "--user",
            "--password-env", "--fingerprint", "--node", "--ca-file", "--name", "--provider");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--insecure", "--force", "--import-existing", "--skip-check");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[?[0-9A-Fa-f:.]+]?");
    private static final Pattern USER = Pattern.compile("[^@\\s!]+@[^@\\s!]+");

    private InitArgs() {}

    static InitRequest parse(List<String> words) {
        Args a = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        if (!a.positionals().isEmpty()) {
            throw new UsageException("init takes no arguments, only flags; got '" + a.positionals().get(0) + "'");
        }
        String host = a.value("--host", "").trim();
        if (!host.isEmpty() && !HOST.matcher(host).matches()) {
            throw new UsageException("--host must be a host name or IP address, got '" + host + "'");
        }
        int port = a.intValue("--port").orElse(8006);
        if (port < 1 || port > 65535) {
            throw new UsageException("--port must be between 1 and 65535, got " + port);
        }
        String tokenId = a.value("--token-id", "");
        checkTokenId(tokenId);
        String user = a.value("--user", "");
        checkUser(user);
        if (!tokenId.isEmpty() && !user.isEmpty()) {
            throw new UsageException("give either --token-id or --user, not both");
        }
        String secretEnv = envVar(a, "--token-secret-env");
        String passwordEnv = envVar(a, "--password-env");
        String fingerprint = normalizeFingerprint(a.value("--fingerprint", ""));
        int tlsModes = (fingerprint.isEmpty() ? 0 : 1) + (a.has("--ca-file") ? 1 : 0) + (a.flag("--insecure") ? 1 : 0);
        if (tlsModes > 1) {
            throw new UsageException("give only one of --fingerprint, --ca-file and --insecure");
        }
        String name = a.value("--name", "default");
        if (!ProjectConfigs.SAFE_NAME.matcher(name).matches()) {
            throw new UsageException("--name must be a simple name (letters, digits, '.', '_', '-'), got '" + name + "'");
        }
        return new InitRequest(host, port, tokenId, secretEnv, user, passwordEnv, fingerprint, a.value("--node", ""),
                a.flag("--insecure"), a.value("--ca-file", ""), name, a.value("--provider", "proxmox"), a.flag("--force"),
                a.flag("--import-existing"), a.flag("--skip-check"));
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

    private static String envVar(Args a, String flag) {
        return Credentials.envVar(a, flag);
    }
}
