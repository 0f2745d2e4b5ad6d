package dev.proxmoxmpc.plugin.simulator;

import java.util.Objects;

/**
 * An API token of the simulator.
 *
 * @param id     the full token id, {@code user@realm!name}
 * @param secret the secret UUID
 */
public record ApiToken(String id, String secret) {
    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        if (!id.contains("@") || !id.contains("!")) {
            throw new IllegalArgumentException("token id must look like user@realm!name, got " + id);
        }
    }

    /** @return the {@code Authorization} header value: {@code PVEAPIToken=root@pam!mpc=<secret>}. */
    public String authorizationHeader() {
        return "PVEAPIToken=" + id + "=" + secret;
    }

    public String userid() {
        return id.substring(0, id.indexOf('!'));
    }

    public String name() {
        return id.substring(id.indexOf('!') + 1);
    }
}
