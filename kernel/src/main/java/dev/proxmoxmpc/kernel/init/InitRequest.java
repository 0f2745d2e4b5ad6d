package dev.proxmoxmpc.kernel.init;

/**
 * What {@code /init} was asked to do (flags, then completed by the dialogue). Holds no secret: only the names of
 * the environment variables that hold them.
 *
 * @param host           the server host, or {@code ""} when not given
 * @param port           the API port
 * @param tokenId        the API token id, or {@code ""}
 * @param tokenSecretEnv the variable holding the token secret, or {@code ""}
 * @param username       the user for ticket auth, or {@code ""}
 * @param passwordEnv    the variable holding the password, or {@code ""}
 * @param fingerprint    the expected certificate fingerprint, or {@code ""}
 * @param node           the default node, or {@code ""}
 * @param insecure       skip TLS verification
 * @param caFile         a CA bundle, or {@code ""}
 * @param name           the environment name
 * @param provider       the provider id
 * @param force          replace an existing project's config
 * @param importExisting run /sync afterwards
 * @param skipCheck      do not test the connection
 */
public record InitRequest(String host, int port, String tokenId, String tokenSecretEnv, String username,
                          String passwordEnv, String fingerprint, String node, boolean insecure, String caFile,
                          String name, String provider, boolean force, boolean importExisting, boolean skipCheck) {

    public InitRequest withHost(String h, int p) {
        return new InitRequest(h, p, tokenId, tokenSecretEnv, username, passwordEnv, fingerprint, node, insecure,
                caFile, name, provider, force, importExisting, skipCheck);
    }

    public InitRequest withAuth(String newTokenId, String newUsername) {
        return new InitRequest(host, port, newTokenId, tokenSecretEnv, newUsername, passwordEnv, fingerprint, node,
                insecure, caFile, name, provider, force, importExisting, skipCheck);
    }

    public InitRequest withFingerprint(String fp) {
        return new InitRequest(host, port, tokenId, tokenSecretEnv, username, passwordEnv, fp, node, insecure, caFile,
                name, provider, force, importExisting, skipCheck);
    }

    public InitRequest withNode(String n) {
        return new InitRequest(host, port, tokenId, tokenSecretEnv, username, passwordEnv, fingerprint, n, insecure,
                caFile, name, provider, force, importExisting, skipCheck);
    }

    /** @return the API URL */
    public String endpoint() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "https://" + h + ":" + port;
    }

    public boolean usesToken() {
        return !tokenId.isEmpty();
    }
}
