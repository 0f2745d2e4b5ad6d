package dev.proxmoxmpc.plugin.proxmox.http;

import org.apache.hc.core5.http.HttpRequest;

/** Adds credentials to requests: an API token header, or a session ticket cookie plus CSRF token. */
interface Auth {

    /** @return who we are, for error messages ({@code root@pam!mpc}, {@code alice@pve}). */
    String identity();

    /** Adds the headers a request needs; {@code write} is true for non-GET methods. May log in first. */
    void apply(HttpRequest request, boolean write, PveClient client);

    /** Forgets a session so the next request logs in again (after a 401). */
    default void invalidate() {}
}
