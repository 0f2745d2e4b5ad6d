package dev.proxmoxmpc.plugin.simulator.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request: a user ({@code root@pam}), optionally through one of its API tokens ({@code mpc}), with the
 * privileges that hold for it (on every path: the simulator keeps no per-path ACLs).
 *
 * @param userid     {@code user@realm}
 * @param tokenName  the token id without the user, {@code ""} for ticket auth
 * @param privileges what the caller may do
 * @param ticketAuth whether it authenticated with a ticket (writes then need the CSRF token)
 */
public record Principal(String userid, String tokenName, Set<String> privileges, boolean ticketAuth) {
    /** The caller of {@code POST /access/ticket}, before it has authenticated. */
    public static final Principal ANONYMOUS = new Principal("", "", Set.of(), false);

    public Principal {
        Objects.requireNonNull(userid, "userid");
        Objects.requireNonNull(tokenName, "tokenName");
        privileges = Set.copyOf(privileges);
    }

    public boolean has(String privilege) {
        return privileges.contains(privilege);
    }

    /** @return the id written into UPIDs: {@code root@pam} or {@code root@pam!mpc}. */
    public String upidUser() {
        return tokenName.isEmpty() ? userid : userid + "!" + tokenName;
    }
}
