package dev.proxmoxmpc.plugin.proxmox.http;

import java.net.http.HttpRequest;

/** Stateless API-token auth: {@code Authorization: PVEAPIToken=user@realm!name=secret}; no CSRF token ever. */
final class TokenAuth implements Auth {
    private final String tokenId;
    private final String header;

    TokenAuth(String tokenId, String secret) {
        this.tokenId = tokenId;
        this.header = "PVEAPIToken=" + tokenId + "=" + secret;
    }

    @Override
    public String identity() {
        return tokenId;
    }

    @Override
    public void apply(HttpRequest.Builder request, boolean write, PveClient client) {
        request.header("Authorization", header);
    }

    @Override
    public String toString() {
        return "TokenAuth[" + tokenId + "]";
    }
}
