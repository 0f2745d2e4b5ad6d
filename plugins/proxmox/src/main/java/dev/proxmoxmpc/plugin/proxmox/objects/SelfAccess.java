package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Refuses access changes that would lock proxmox-mpc out of the server: deleting or disabling the user it authenticates
 * as, deleting its API token or turning on that token's privilege separation, deleting an ACL entry of the token, of
 * the user or of one of the user's groups (for {@code root@pam}, which holds every privilege whatever the ACL says, only
 * the token's own entries count), or deleting one of the user's groups.
 */
public final class SelfAccess {
    private SelfAccess() {}

    /**
     * @param identity who proxmox-mpc authenticates as ({@code root@pam!mpc}, {@code ops@pve}); {@code ""}: nothing to check
     * @param c        the change
     * @param current  the current config of an object by kind and id (empty when unknown)
     * @return why the change is refused, or empty
     */
    public static Optional<String> lockout(String identity, Change c, BiFunction<String, String, Map<String, String>> current) {
        if (identity.isEmpty() || c.target().objectKind().isEmpty()) {
            return Optional.empty();
        }
        String kind = c.target().objectKind();
        String id = c.target().objectId();
        int bang = identity.indexOf('!');
        String user = bang < 0 ? identity : identity.substring(0, bang);
        boolean root = user.equals("root@pam");
        String why = null;
        switch (kind) {
            case Access.USER -> {
                if (id.equals(user) && c.action() == ChangeAction.DELETE) {
                    why = "it deletes the user proxmox-mpc authenticates as";
                } else if (id.equals(user) && c.action() == ChangeAction.UPDATE && "0".equals(c.settings().get("enable"))) {
                    why = "it disables the user proxmox-mpc authenticates as";
                }
            }
            case Access.TOKEN -> {
                if (id.equals(identity) && c.action() == ChangeAction.DELETE) {
                    why = "it deletes the API token proxmox-mpc authenticates with";
                } else if (id.equals(identity) && c.action() == ChangeAction.UPDATE
                        && !"0".equals(c.settings().getOrDefault("privsep", "1"))
                        && "0".equals(current.apply(Access.TOKEN, id).get("privsep"))) {
                    why = "it separates the privileges of the API token proxmox-mpc authenticates with from its user's";
                }
            }
            case Access.ACL -> {
                if (c.action() == ChangeAction.DELETE) {
                    String[] p = Access.aclParts(id);
                    boolean mine = (p[1].equals("token") && p[2].equals(identity))
                            || (!root && p[1].equals("user") && p[2].equals(user))
                            || (!root && p[1].equals("group") && groupsOf(user, current).contains(p[2]));
                    if (mine) {
                        why = "it removes privileges proxmox-mpc itself uses (" + identity + ")";
                    }
                }
            }
            case Access.GROUP -> {
                if (!root && c.action() == ChangeAction.DELETE && groupsOf(user, current).contains(id)) {
                    why = "it deletes a group of the user proxmox-mpc authenticates as";
                }
            }
            default -> {
            }
        }
        return Optional.ofNullable(why).map(w -> c.target() + ": refused, " + w + " (" + identity
                + "): proxmox-mpc would lock itself out. Make this change with another account, or keep the object"
                + " (edit the desired state back, e.g. /sync --prefer-server)");
    }

    private static Set<String> groupsOf(String user, BiFunction<String, String, Map<String, String>> current) {
        Set<String> out = new TreeSet<>();
        for (String g : current.apply(Access.USER, user).getOrDefault("groups", "").split(",")) {
            if (!g.isBlank()) {
                out.add(g.trim());
            }
        }
        return out;
    }

    /** @return the current config of objects as the inventory has them */
    public static BiFunction<String, String, Map<String, String>> of(Inventory inv) {
        return (kind, id) -> inv.object(kind, "", id).map(ClusterObject::config).orElse(Map.of());
    }

    /** Throws when the change would lock proxmox-mpc out; {@code w} null: nothing read from the server. */
    static void refuse(String identity, Change c, ObjectWrites w) {
        BiFunction<String, String, Map<String, String>> current = (kind, id) -> {
            if (w == null) {
                return Map.of();
            }
            String userid = kind.equals(Access.TOKEN) ? id.substring(0, Math.max(0, id.indexOf('!'))) : id;
            Optional<JsonNode> u = Access.currentUser(w, userid);
            if (u.isEmpty()) {
                return Map.of();
            }
            if (kind.equals(Access.USER)) {
                return Access.userConfig(u.get());
            }
            for (JsonNode t : u.get().path("tokens")) {
                if (id.equals(userid + "!" + Json.string(t, "tokenid"))) {
                    return Json.strings(t);
                }
            }
            return Map.of();
        };
        Optional<String> why = lockout(identity, c, current);
        if (why.isPresent()) {
            throw new ProviderException(ProviderException.Kind.INVALID, why.get());
        }
    }
}
