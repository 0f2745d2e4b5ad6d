package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.Fingerprints;
import dev.proxmoxmpc.kernel.config.Credentials;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Set;

/**
 * The arguments of {@code environment add NAME --server HOST [--port N] [--token-id ID --token-secret-env VAR]
 * [--fingerprint FP | --ca-file F | --insecure] [--user U] [--node N]}: the flag names of /init. Parsing only (pure).
 */
record EnvironmentAddOptions(String name, String server, int port, String tokenId, String user, String secretEnv,
                             String fingerprint, String caFile, boolean insecure, String node, String provider) {
    static final Set<String> VALUE_FLAGS = Set.of("--server", "--host", "--port", "--token-id", "--token-secret-env",
            "--secret-env", "--user", "--fingerprint", "--ca-file", "--node", "--provider");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--insecure");

    static EnvironmentAddOptions parse(List<String> words) {
        Args a = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        String name = EnvironmentCommand.safeName(a.positional(0, "the environment name (environment add production --server HOST)"));
        String server = a.value("--server").or(() -> a.value("--host"))
                .orElseThrow(() -> new UsageException("environment add needs --server HOST"));
        if (!server.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new UsageException("--server must be a host name or IP address, got '" + server + "'");
        }
        int port = a.intValue("--port").orElse(8006);
        if (port < 1 || port > 65535) {
            throw new UsageException("--port must be between 1 and 65535, got " + port);
        }
        String tokenId = a.value("--token-id", "");
        Credentials.checkTokenId(tokenId);
        String user = a.value("--user", "");
        if (!tokenId.isEmpty() && !user.isEmpty()) {
            throw new UsageException("give either --token-id or --user, not both");
        }
        String secretEnv = Credentials.envVar(a, a.has("--token-secret-env") ? "--token-secret-env" : "--secret-env");
        String fingerprint = Fingerprints.normalize(a.value("--fingerprint", ""));
        int tls = (fingerprint.isEmpty() ? 0 : 1) + (a.has("--ca-file") ? 1 : 0) + (a.flag("--insecure") ? 1 : 0);
        if (tls > 1) {
            throw new UsageException("give only one of --fingerprint, --ca-file and --insecure");
        }
        return new EnvironmentAddOptions(name, server, port, tokenId, user, secretEnv, fingerprint, a.value("--ca-file", ""),
                a.flag("--insecure"), a.value("--node", ""), a.value("--provider", "proxmox"));
    }

    /** @return {@code https://host:port}, IPv6 addresses bracketed */
    String endpoint() {
        String host = server.contains(":") && !server.startsWith("[") ? "[" + server + "]" : server;
        return "https://" + host + ":" + port;
    }

    EnvironmentAddOptions withTokenId(String id) {
        return new EnvironmentAddOptions(name, server, port, id, user, secretEnv, fingerprint, caFile, insecure, node, provider);
    }

    EnvironmentAddOptions withFingerprint(String fp) {
        return new EnvironmentAddOptions(name, server, port, tokenId, user, secretEnv, fp, caFile, insecure, node, provider);
    }
}
