package dev.proxmoxmpc.plugin.simulator.auth;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Who sent a request: a user ({@code root@pam}), optionally through one of its API tokens ({@code mpc}), with the
 * privileges that hold for it. A user or token of the access configuration ({@link AccessControl}) holds privileges
 * per ACL path; one added with a fixed privilege set holds them on every path.
 *
 * @param userid     {@code user@realm}
 * @param tokenName  the token id without the user, {@code ""} for ticket auth
 * @param privileges what the caller may do on {@code /}
 * @param ticketAuth whether it authenticated with a ticket (writes then need the CSRF token)
 * @param onPath     the privileges on an ACL path ({@code /vms/101})
 */
public record Principal(String userid, String tokenName, Set<String> privileges, boolean ticketAuth,
                        Function<String, Set<String>> onPath) {
    /** The caller of {@code POST /access/ticket}, before it has authenticated. */
    public static final Principal ANONYMOUS = new Principal("", "", Set.of(), false);

    public Principal {
        Objects.requireNonNull(userid, "userid");
        Objects.requireNonNull(tokenName, "tokenName");
        privileges = Set.copyOf(privileges);
        Objects.requireNonNull(onPath, "onPath");
    }

    /** A caller holding {@code privileges} on every path. */
    public Principal(String userid, String tokenName, Set<String> privileges, boolean ticketAuth) {
        this(userid, tokenName, Set.copyOf(privileges), ticketAuth, fixed(Set.copyOf(privileges)));
    }

    private static Function<String, Set<String>> fixed(Set<String> privileges) {
        return path -> privileges;
    }

    /** @return whether it holds {@code privilege} on {@code /} */
    public boolean has(String privilege) {
        return privileges.contains(privilege);
    }

    /** @return whether it holds {@code privilege} on {@code path} (ACLs of the path and its parents, pools) */
    public boolean has(String path, String privilege) {
        return onPath.apply(path).contains(privilege);
    }

    /** @return the id written into UPIDs: {@code root@pam} or {@code root@pam!mpc}. */
    public String upidUser() {
        return tokenName.isEmpty() ? userid : userid + "!" + tokenName;
    }
}
