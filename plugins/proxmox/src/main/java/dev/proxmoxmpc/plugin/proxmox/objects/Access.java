package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The access configuration (PVE's user.cfg), all cluster-wide:
 * <ul>
 * <li>{@code user}, id the userid ({@code alice@pve}): comment, email, enable, expire, firstname, lastname, keys and
 * groups (sorted comma list). Never a password: PVE does not show one, and proxmox-mpc never sets one.</li>
 * <li>{@code group}, id the groupid: comment (its members are the users' {@code groups}).</li>
 * <li>{@code role}, id the roleid: privs (sorted comma list); custom roles only (PVE's built-in ones are "special").</li>
 * <li>{@code token}, id {@code user@realm!name}: comment, expire, privsep. Its secret is only in the answer of its
 * creation: that answer is dropped, never stored or shown.</li>
 * <li>{@code acl}, id {@code path|type|ugid|role} ({@code /pool/prod|group|ops|PVEVMAdmin}): propagate.</li>
 * </ul>
 * A change that would lock proxmox-mpc out (deleting or disabling the user or token it authenticates as, or the ACL
 * entries, groups and roles that give it its privileges) is refused.
 */
final class Access implements ObjectFamily {
    static final String USER = "user";
    static final String GROUP = "group";
    static final String ROLE = "role";
    static final String TOKEN = "token";
    static final String ACL = "acl";
    private static final Set<String> USER_KEYS = Set.of("comment", "email", "enable", "expire", "firstname", "lastname", "keys");
    /** What a removed user key is set to: PVE's user update has no {@code delete}. */
    private static final Map<String, String> USER_DEFAULTS = Map.of("enable", "1", "expire", "0");

    @Override
    public String name() {
        return "access control";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(USER, GROUP, ROLE, TOKEN, ACL);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        return List.of(ObjectRead.cluster(() -> {
            seesEverything(ctx);
            List<ClusterObject> out = new ArrayList<>();
            for (JsonNode u : ctx.get("/access/users?full=1")) {
                String userid = Json.string(u, "userid");
                out.add(new ClusterObject(USER, "", userid, userConfig(u)));
                for (JsonNode t : u.path("tokens")) {
                    Map<String, String> config = new TreeMap<>(Json.strings(t));
                    config.remove("tokenid");
                    out.add(new ClusterObject(TOKEN, "", userid + "!" + Json.string(t, "tokenid"), config));
                }
            }
            for (JsonNode g : ctx.get("/access/groups")) {
                Map<String, String> config = new TreeMap<>(Json.strings(g));
                config.remove("groupid");
                config.remove("users");
                out.add(new ClusterObject(GROUP, "", Json.string(g, "groupid"), config));
            }
            for (JsonNode r : ctx.get("/access/roles")) {
                if (r.path("special").asInt(0) == 1) {
                    continue;
                }
                out.add(new ClusterObject(ROLE, "", Json.string(r, "roleid"), Map.of("privs", sorted(Json.string(r, "privs")))));
            }
            for (JsonNode a : ctx.get("/access/acl")) {
                String id = aclId(Json.string(a, "path"), Json.string(a, "type"), Json.string(a, "ugid"), Json.string(a, "roleid"));
                out.add(new ClusterObject(ACL, "", id, Map.of("propagate", a.path("propagate").asText("1"))));
            }
            return out;
        }));
    }

    /**
     * PVE lists only the ACL entries on paths where the caller may modify permissions, and only the users and groups it
     * may audit: a partial list would plan the rest away. Without {@code Permissions.Modify} on {@code /} and
     * {@code Sys.Audit} or {@code User.Modify} on {@code /access/groups}, the access kinds are left unread.
     */
    private static void seesEverything(ObjectReads ctx) {
        boolean acl = held(ctx, "/").contains("Permissions.Modify");
        Set<String> groups = held(ctx, "/access/groups");
        if (!acl || !(groups.contains("Sys.Audit") || groups.contains("User.Modify"))) {
            throw new ProviderException(ProviderException.Kind.PERMISSION, "the access configuration is only partly visible"
                    + " to " + ctx.client().identity() + " (it needs Permissions.Modify on / and Sys.Audit on /access/groups)");
        }
    }

    private static Set<String> held(ObjectReads ctx, String path) {
        Set<String> out = new TreeSet<>();
        ctx.get("/access/permissions?path=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8))
                .path(path).fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Map<String, String> userConfig(JsonNode u) {
        Map<String, String> config = new TreeMap<>();
        Json.strings(u).forEach((k, v) -> {
            if (USER_KEYS.contains(k)) {
                config.put(k, v);
            }
        });
        String groups = sorted(Json.string(u, "groups"));
        if (!groups.isEmpty()) {
            config.put("groups", groups);
        }
        return config;
    }

    /** @return the canonical id of an ACL entry: {@code path|type|ugid|role} */
    static String aclId(String path, String type, String ugid, String role) {
        return path + "|" + type + "|" + ugid + "|" + role;
    }

    /** @return {@code {path, type, ugid, role}} of an ACL id (the path may itself hold a {@code |}) */
    static String[] aclParts(String id) {
        int c = id.lastIndexOf('|');
        int b = id.lastIndexOf('|', c - 1);
        int a = id.lastIndexOf('|', b - 1);
        if (a <= 0) {
            throw new ProviderException(ProviderException.Kind.INVALID, "acl id '" + id + "' is not path|type|ugid|role");
        }
        return new String[] {id.substring(0, a), id.substring(a + 1, b), id.substring(b + 1, c), id.substring(c + 1)};
    }

    static String sorted(String list) {
        if (list == null || list.isBlank()) {
            return "";
        }
        return String.join(",", new TreeSet<>(Arrays.stream(list.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList()));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        String kind = c.target().objectKind();
        String id = c.target().objectId();
        String what = c.action().name().toLowerCase(Locale.ROOT) + " " + c.target();
        SelfAccess.refuse(w.identity(), c, w.recording() ? null : w);
        switch (kind) {
            case USER -> user(w, c, id, what);
            case GROUP -> simple(w, c, what, "/access/groups", "/access/groups/{groupid}", "groupid", id);
            case ROLE -> simple(w, c, what, "/access/roles", "/access/roles/{roleid}", "roleid", id);
            case TOKEN -> token(w, c, id, what);
            case ACL -> acl(w, c, id, what);
            default -> throw new ProviderException(ProviderException.Kind.INVALID, "proxmox-mpc cannot change objects of kind '" + kind + "'");
        }
    }

    private static void user(ObjectWrites w, Change c, String id, String what) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("userid", id);
        switch (c.action()) {
            case CREATE -> {
                p.putAll(c.settings());
                w.write(what, "POST", "/access/users", p);
            }
            case UPDATE -> {
                p.putAll(c.settings());
                for (String d : c.deletions()) {
                    p.put(d, USER_DEFAULTS.getOrDefault(d, "")); // no delete=: a default or an empty value clears it
                }
                p.remove("digest");
                w.write(what, "PUT", "/access/users/{userid}", p);
            }
            case DELETE -> w.write(what, "DELETE", "/access/users/{userid}", p);
            default -> unsupported(c);
        }
    }

    /** Groups and roles: their one key is set on update (an empty comment clears it). */
    private static void simple(ObjectWrites w, Change c, String what, String collection, String one, String key, String id) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(key, id);
        switch (c.action()) {
            case CREATE -> {
                p.putAll(c.settings());
                w.write(what, "POST", collection, p);
            }
            case UPDATE -> {
                p.putAll(c.settings());
                c.deletions().forEach(d -> p.put(d, ""));
                p.remove("digest");
                w.write(what, "PUT", one, p);
            }
            case DELETE -> w.write(what, "DELETE", one, p);
            default -> unsupported(c);
        }
    }

    private static void token(ObjectWrites w, Change c, String id, String what) {
        int bang = id.indexOf('!');
        if (bang < 0) {
            throw new ProviderException(ProviderException.Kind.INVALID, "token id '" + id + "' is not user@realm!name");
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("userid", id.substring(0, bang));
        p.put("tokenid", id.substring(bang + 1));
        String path = "/access/users/{userid}/token/{tokenid}";
        switch (c.action()) {
            case CREATE -> {
                p.putAll(c.settings());
                w.write(what, "POST", path, p); // the answer holds the secret: dropped here, never kept
                w.message("token " + id + " created; its secret is shown only by PVE: run /token rotate or regenerate it"
                        + " in the web UI (Datacenter > Permissions > API Tokens) to get one");
            }
            case UPDATE -> {
                p.putAll(c.settings());
                if (!c.deletions().isEmpty()) {
                    p.put("delete", String.join(",", c.deletions()));
                }
                p.remove("digest");
                w.write(what, "PUT", path, p);
            }
            case DELETE -> w.write(what, "DELETE", path, p);
            default -> unsupported(c);
        }
    }

    private static void acl(ObjectWrites w, Change c, String id, String what) {
        String[] parts = aclParts(id);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("path", parts[0]);
        p.put("roles", parts[3]);
        p.put(switch (parts[1]) {
            case "user" -> "users";
            case "group" -> "groups";
            case "token" -> "tokens";
            default -> throw new ProviderException(ProviderException.Kind.INVALID, "acl " + id + ": type must be user, group or token");
        }, parts[2]);
        switch (c.action()) {
            case CREATE, UPDATE -> {
                p.put("propagate", c.settings().getOrDefault("propagate", "1"));
                w.write(what, "PUT", "/access/acl", p);
            }
            case DELETE -> {
                p.put("delete", "1");
                w.write(what, "PUT", "/access/acl", p);
            }
            default -> unsupported(c);
        }
    }

    private static void unsupported(Change c) {
        throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " is not supported for " + c.target().objectKind());
    }

    /** @return the value of a key of a user, from its current config on the server (read with {@code w}) */
    static Optional<JsonNode> currentUser(ObjectWrites w, String userid) {
        for (JsonNode u : w.get("/access/users?full=1")) {
            if (userid.equals(Json.string(u, "userid"))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
