package dev.proxmoxmpc.plugin.proxmox.http;

import org.apache.hc.core5.http.HttpRequest;

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
    public void apply(HttpRequest request, boolean write, PveClient client) {
        request.setHeader("Authorization", header);
    }

    @Override
    public String toString() {
        return "TokenAuth[" + tokenId + "]";
    }
}
