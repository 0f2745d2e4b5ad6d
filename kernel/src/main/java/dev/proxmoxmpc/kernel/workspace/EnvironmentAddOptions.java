package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.Fingerprints;
import dev.proxmoxmpc.kernel.config.Credentials;
import dev.proxmoxmpc.spi.command.UsageException;

/**
 * The arguments of {@code environment add NAME --server HOST [--port N] [--token-id ID --token-secret-env VAR]
 * [--fingerprint FP | --ca-file F | --insecure] [--user U] [--node N]}: the flag names of /init, declared on
 * {@link EnvironmentAddCommand}. Checking only (pure).
 */
record EnvironmentAddOptions(String name, String server, int port, String tokenId, String user, String secretEnv,
                             String fingerprint, String caFile, boolean insecure, String node, String provider) {
    /** @return the values of {@code environment add}'s options checked for form (pure); {@code null} = not given */
    static EnvironmentAddOptions of(String name, String server, int port, String tokenId, String user, String secretEnv,
                                    String fingerprint, String caFile, boolean insecure, String node, String provider) {
        EnvironmentNames.safeName(name);
        if (server == null) {
            throw new UsageException("environment add needs --server HOST");
        }
        if (!server.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            throw new UsageException("--server must be a host name or IP address, got '" + server + "'");
        }
        Credentials.checkTokenId(tokenId);
        if (!tokenId.isEmpty() && !user.isEmpty()) {
            throw new UsageException("give either --token-id or --user, not both");
        }
        Credentials.envVar(secretEnv, "--token-secret-env");
        String fp = Fingerprints.normalize(fingerprint);
        int tls = (fp.isEmpty() ? 0 : 1) + (caFile != null ? 1 : 0) + (insecure ? 1 : 0);
        if (tls > 1) {
            throw new UsageException("give only one of --fingerprint, --ca-file and --insecure");
        }
        return new EnvironmentAddOptions(name, server, port, tokenId, user, secretEnv, fp, caFile == null ? "" : caFile,
                insecure, node, provider);
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
