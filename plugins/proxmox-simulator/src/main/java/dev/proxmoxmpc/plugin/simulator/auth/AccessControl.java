package dev.proxmoxmpc.plugin.simulator.auth;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * PVE's access configuration ({@code /etc/pve/user.cfg}): users, groups, roles (the built-in, "special" ones and custom
 * ones), API tokens and the ACL, and the privileges they give on a path, computed as PVE's
 * {@code PVE::AccessControl::roles} and {@code PVE::RPCEnvironment::permissions} do: walking from {@code /} to the path,
 * the entries of each level replace those above it (user entries before group entries, only propagating ones above
 * the path itself), {@code NoAccess} clears everything; a guest's or storage's pool adds the pool's privileges;
 * {@code root@pam} holds every privilege; a token with {@code privsep=0} holds its user's, a separated one the
 * intersection of its user's and its own ACLs'. A disabled or expired user and its tokens hold nothing.
 *
 * <p>The built-in roles' privilege lists follow PVE 9's {@code $privgroups} in pve-access-control's
 * {@code AccessControl.pm} (recalled, not recorded from a server). Thread-safe (its own monitor; it never calls out
 * while holding it).
 */
public final class AccessControl {
    /** The user that holds every privilege. */
    public static final String ROOT = "root@pam";
    private static final Map<String, Set<String>> BUILT_IN = builtIn();
    private static final Pattern ACL_PATH = Pattern.compile("^/(access(/(groups|realm)(/[^/]+)?)?|mapping(/[^/]+){0,2}"
            + "|nodes(/[^/]+)?|pool(/[^/]+){0,3}|sdn(/zones(/[^/]+){0,3}|/fabrics(/[^/]+){0,2})?|storage(/[^/]+)?"
            + "|vms(/\\d+)?)?$");
    private static final List<String> USER_KEYS = List.of("comment", "email", "enable", "expire", "firstname", "keys",
            "lastname");

    /** A user: its user.cfg fields ({@code enable}, {@code expire}, names, {@code email}, ...) and password, if any. */
    private static final class User {
        final TreeMap<String, String> fields = new TreeMap<>();
        String password;
    }

    private static final class Group {
        String comment = "";
        final TreeSet<String> members = new TreeSet<>();
    }

    private static final class Token {
        String comment = "";
        long expire;
        boolean privsep = true;
        String secret;
    }

    /** One ACL entry: {@code type} user, group or token. */
    public record Acl(String path, String type, String ugid, String role, boolean propagate) {
        String key() {
            return path + "\u0000" + typeRank() + "\u0000" + ugid + "\u0000" + role;
        }

        private int typeRank() {
            return switch (type) {
                case "user" -> 0;
                case "group" -> 1;
                default -> 2;
            };
        }
    }

    private final TreeMap<String, User> users = new TreeMap<>();
    private final TreeMap<String, Group> groups = new TreeMap<>();
    private final TreeMap<String, TreeSet<String>> roles = new TreeMap<>();
    private final TreeMap<String, Token> tokens = new TreeMap<>();
    private final TreeMap<String, Acl> acl = new TreeMap<>();
    private volatile Function<String, String> poolOf = path -> null;
    /**
     * Privileges already evaluated, by user, token, path and the path's pool (the pool is part of the key, so a
     * pool's membership change needs no invalidation); cleared by every write of this configuration.
     */
    private final Map<String, Set<String>> evaluated = new HashMap<>();
    private static final int MAX_EVALUATED = 100_000;

    public AccessControl() {
        User root = new User();
        root.fields.put("enable", "1");
        root.fields.put("expire", "0");
        root.fields.put("email", "root@localhost");
        users.put(ROOT, root);
    }

    /** Sets how a path's pool is found ({@code /vms/101} -> {@code production}); called without this monitor held. */
    public void poolResolver(Function<String, String> resolver) {
        this.poolOf = resolver;
    }

    // ---- privileges ----

    /** @return every privilege PVE 9 knows */
    public static Set<String> allPrivileges() {
        return BUILT_IN.get("Administrator");
    }

    /** @return the privileges of {@code userid} (through token {@code tokenName} when not empty) on {@code path} */
    public Set<String> privileges(String userid, String tokenName, String path) {
        String norm = normalize(path);
        String pool = poolOf.apply(norm); // outside the monitor: it takes the cluster's
        synchronized (this) {
            String key = userid + "\u0000" + tokenName + "\u0000" + norm + "\u0000" + pool;
            Set<String> known = evaluated.get(key);
            if (known != null) {
                return known;
            }
            // immutable, so that a Principal's Set.copyOf keeps it as is (every caller only tests membership)
            Set<String> found = Set.copyOf(evaluate(userid, tokenName, norm, pool));
            User u = users.get(userid);
            if (u == null || u.fields.getOrDefault("expire", "0").equals("0")) { // an expiring user's change with time
                if (evaluated.size() >= MAX_EVALUATED) {
                    evaluated.clear();
                }
                evaluated.put(key, found);
            }
            return found;
        }
    }

    /** Forgets the evaluated privileges: every write of users, groups, roles, tokens or ACLs calls it. */
    private void changed() {
        evaluated.clear();
    }

    private Set<String> evaluate(String userid, String tokenName, String norm, String pool) {
        {
            Set<String> user = userPrivileges(userid, norm, pool);
            if (tokenName.isEmpty()) {
                return user;
            }
            Token t = tokens.get(userid + "!" + tokenName);
            if (t == null) {
                return Set.of();
            }
            if (!t.privsep) {
                return user;
            }
            Set<String> own = new TreeSet<>(withPool(userid + "!" + tokenName, "token", norm, pool));
            own.retainAll(user);
            return Collections.unmodifiableSet(own);
        }
    }

    /** @return the paths of the ACL entries that concern the caller, and {@code /}, for {@code /access/permissions} */
    public synchronized List<String> aclPaths() {
        TreeSet<String> paths = new TreeSet<>();
        paths.add("/");
        acl.values().forEach(a -> paths.add(a.path()));
        return List.copyOf(paths);
    }

    private Set<String> userPrivileges(String userid, String path, String pool) {
        if (userid.equals(ROOT)) {
            return allPrivileges();
        }
        User u = users.get(userid);
        if (u == null || !active(u)) {
            return Set.of();
        }
        return withPool(userid, "user", path, pool);
    }

    /** The path's privileges and its pool's; NoAccess on the path itself (or above it) leaves none. */
    private Set<String> withPool(String subject, String kind, String path, String pool) {
        Set<String> roleIds = rolesFor(subject, kind, path);
        if (roleIds.contains("NoAccess")) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>(privilegesOf(roleIds));
        if (pool != null) {
            out.addAll(privilegesOf(rolesFor(subject, kind, "/pool/" + pool)));
        }
        return out;
    }

    private static boolean active(User u) {
        if (u.fields.getOrDefault("enable", "1").equals("0")) {
            return false;
        }
        long expire = Long.parseLong(u.fields.getOrDefault("expire", "0"));
        return expire == 0 || expire > System.currentTimeMillis() / 1000;
    }

    private Set<String> rolesFor(String subject, String kind, String path) {
        Set<String> current = Set.of();
        for (String level : levels(path)) {
            boolean last = level.equals(path);
            Set<String> found = new TreeSet<>();
            if (kind.equals("token")) {
                entries(level, "token", subject, last).forEach(found::add);
            } else {
                entries(level, "user", subject, last).forEach(found::add);
                if (found.isEmpty()) {
                    groups.forEach((g, group) -> {
                        if (group.members.contains(subject)) {
                            entries(level, "group", g, last).forEach(found::add);
                        }
                    });
                }
            }
            if (!found.isEmpty()) {
                current = found;
            }
        }
        return current;
    }

    private List<String> entries(String path, String type, String ugid, boolean last) {
        List<String> out = new ArrayList<>();
        for (Acl a : acl.values()) {
            if (a.path().equals(path) && a.type().equals(type) && a.ugid().equals(ugid) && (last || a.propagate())) {
                out.add(a.role());
            }
        }
        return out;
    }

    private Set<String> privilegesOf(Set<String> roleIds) {
        Set<String> out = new TreeSet<>();
        if (roleIds.contains("NoAccess")) {
            return out;
        }
        for (String r : roleIds) {
            out.addAll(BUILT_IN.getOrDefault(r, roles.getOrDefault(r, new TreeSet<>())));
        }
        return out;
    }

    private static List<String> levels(String path) {
        List<String> out = new ArrayList<>();
        out.add("/");
        StringBuilder b = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                b.append('/').append(part);
                out.add(b.toString());
            }
        }
        return out;
    }

    /** @return {@code path} without repeated or trailing slashes ({@code /vms/} -> {@code /vms}) */
    public static String normalize(String path) {
        if (path.startsWith("/") && !path.contains("//") && (path.length() == 1 || !path.endsWith("/"))) {
            return path; // what the rules below leave unchanged
        }
        String p = path.replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.startsWith("/") ? p : "/" + p;
    }

    // ---- authentication ----

    /** @return the user of a token whose secret matches, when the token exists and its user is active */
    public synchronized Optional<String> tokenUser(String fullId, String secret) {
        Token t = tokens.get(fullId);
        if (t == null || t.secret == null || !MessageDigest.isEqual(t.secret.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String userid = fullId.substring(0, fullId.indexOf('!'));
        User u = users.get(userid);
        if (u == null || !active(u) || (t.expire != 0 && t.expire < System.currentTimeMillis() / 1000)) {
            return Optional.empty();
        }
        return Optional.of(userid);
    }

    /** @return the secret of a token of user.cfg ({@code user@realm!name}), for tests that look for leaks of it */
    public synchronized Optional<String> secretOf(String fullId) {
        return Optional.ofNullable(tokens.get(fullId)).map(t -> t.secret);
    }

    /** @return whether {@code userid} is an active user whose password is {@code password} */
    public synchronized boolean passwordMatches(String userid, String password) {
        User u = users.get(userid);
        return u != null && u.password != null && password != null && active(u)
                && MessageDigest.isEqual(u.password.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    /** @return whether the user exists and is active (a ticket of it stays valid) */
    public synchronized boolean activeUser(String userid) {
        User u = users.get(userid);
        return u != null && active(u);
    }

    // ---- users ----

    public synchronized boolean hasUser(String userid) {
        return users.containsKey(userid);
    }

    public synchronized List<String> userIds() {
        return List.copyOf(users.keySet());
    }

    /** @return the groups of a user, sorted */
    public synchronized List<String> groupsOf(String userid) {
        List<String> out = new ArrayList<>();
        groups.forEach((g, group) -> {
            if (group.members.contains(userid)) {
                out.add(g);
            }
        });
        return out;
    }

    /** @return a user's fields as {@code GET /access/users} lists them (without groups and tokens) */
    public synchronized Map<String, Object> userFields(String userid) {
        User u = user(userid);
        Map<String, Object> out = new LinkedHashMap<>();
        u.fields.forEach((k, v) -> out.put(k, k.equals("enable") || k.equals("expire") ? Long.parseLong(v) : v));
        return out;
    }

    /** Creates a user ({@code POST /access/users}). */
    public synchronized void createUser(String userid, Map<String, String> params) {
        changed();
        if (users.containsKey(userid)) {
            throw ApiException.failed("create user failed: user '" + userid + "' already exists");
        }
        List<String> gs = list(params.get("groups"));
        gs.forEach(g -> group(g, "create user failed: "));
        User u = new User();
        u.fields.put("enable", "1");
        u.fields.put("expire", "0");
        users.put(userid, u);
        setFields(u, params);
        u.password = params.get("password");
        gs.forEach(g -> groups.get(g).members.add(userid));
    }

    /** Updates a user ({@code PUT /access/users/{userid}}): given fields replace, empty ones clear. */
    public synchronized void updateUser(String userid, Map<String, String> params, boolean append) {
        changed();
        User u = users.get(userid);
        if (u == null) {
            throw ApiException.failed("update user failed: no such user ('" + userid + "')");
        }
        List<String> gs = params.containsKey("groups") ? list(params.get("groups")) : null;
        if (gs != null) {
            gs.forEach(g -> group(g, "update user failed: "));
        }
        setFields(u, params);
        if (gs != null) {
            if (!append) {
                groups.values().forEach(g -> g.members.remove(userid));
            }
            gs.forEach(g -> groups.get(g).members.add(userid));
        }
    }

    private static void setFields(User u, Map<String, String> params) {
        for (String k : USER_KEYS) {
            String v = params.get(k);
            if (v == null) {
                continue;
            }
            if (k.equals("enable")) {
                v = v.equals("1") || v.equalsIgnoreCase("true") ? "1" : "0";
            }
            if (v.isEmpty()) {
                u.fields.remove(k);
            } else {
                u.fields.put(k, v);
            }
        }
        u.fields.putIfAbsent("enable", "1");
        u.fields.putIfAbsent("expire", "0");
    }

    /** Deletes a user with its tokens and every ACL entry of both, and takes it out of its groups. */
    public synchronized void deleteUser(String userid) {
        changed();
        if (users.remove(userid) == null) {
            throw ApiException.failed("delete user failed: no such user ('" + userid + "')");
        }
        groups.values().forEach(g -> g.members.remove(userid));
        tokens.keySet().removeIf(id -> id.startsWith(userid + "!"));
        acl.values().removeIf(a -> (a.type().equals("user") && a.ugid().equals(userid))
                || (a.type().equals("token") && a.ugid().startsWith(userid + "!")));
    }

    private User user(String userid) {
        User u = users.get(userid);
        if (u == null) {
            throw ApiException.failed("no such user ('" + userid + "')");
        }
        return u;
    }

    // ---- tokens ----

    /** @return the token ids of a user ({@code mpc}), sorted */
    public synchronized List<String> tokenNames(String userid) {
        user(userid);
        List<String> out = new ArrayList<>();
        tokens.keySet().forEach(id -> {
            if (id.startsWith(userid + "!")) {
                out.add(id.substring(userid.length() + 1));
            }
        });
        return out;
    }

    public synchronized boolean hasToken(String userid, String name) {
        return tokens.containsKey(userid + "!" + name);
    }

    /** @return a token's info: {@code comment} when set, {@code expire}, {@code privsep} */
    public synchronized Map<String, Object> tokenInfo(String userid, String name) {
        Token t = token(userid, name);
        Map<String, Object> out = new LinkedHashMap<>();
        if (!t.comment.isEmpty()) {
            out.put("comment", t.comment);
        }
        out.put("expire", t.expire);
        out.put("privsep", t.privsep ? 1 : 0);
        return out;
    }

    /** Creates a token; {@code secret} null for a random one. @return its secret */
    public synchronized String createToken(String userid, String name, Map<String, String> params, String secret) {
        changed();
        User u = user(userid);
        if (tokens.containsKey(userid + "!" + name)) {
            throw ApiException.failed("Token already exists.");
        }
        Token t = new Token();
        t.expire = Long.parseLong(u.fields.getOrDefault("expire", "0"));
        t.secret = secret == null ? UUID.randomUUID().toString() : secret;
        tokens.put(userid + "!" + name, t);
        setToken(t, params);
        return t.secret;
    }

    /** Updates a token; {@code regenerate} gives it a new secret. @return the new secret, or null */
    public synchronized String updateToken(String userid, String name, Map<String, String> params, List<String> delete,
                                           boolean regenerate) {
        changed();
        Token t = token(userid, name);
        setToken(t, params);
        for (String d : delete) {
            switch (d) {
                case "comment" -> t.comment = "";
                case "expire" -> t.expire = 0;
                case "privsep" -> t.privsep = true;
                default -> throw ApiException.parameter("delete", "unable to delete '" + d + "'");
            }
        }
        if (!regenerate) {
            return null;
        }
        t.secret = UUID.randomUUID().toString();
        return t.secret;
    }

    private static void setToken(Token t, Map<String, String> params) {
        if (params.get("comment") != null) {
            t.comment = params.get("comment");
        }
        if (params.get("expire") != null) {
            t.expire = Long.parseLong(params.get("expire").trim());
        }
        if (params.get("privsep") != null) {
            String v = params.get("privsep");
            t.privsep = v.equals("1") || v.equalsIgnoreCase("true");
        }
    }

    /** Deletes a token and its ACL entries. */
    public synchronized void deleteToken(String userid, String name) {
        changed();
        token(userid, name);
        tokens.remove(userid + "!" + name);
        acl.values().removeIf(a -> a.type().equals("token") && a.ugid().equals(userid + "!" + name));
    }

    private Token token(String userid, String name) {
        user(userid);
        Token t = tokens.get(userid + "!" + name);
        if (t == null) {
            throw ApiException.failed("no such token '" + name + "' for user '" + userid + "'");
        }
        return t;
    }

    // ---- groups ----

    public synchronized List<String> groupIds() {
        return List.copyOf(groups.keySet());
    }

    public synchronized String groupComment(String groupid) {
        return group(groupid, "").comment;
    }

    public synchronized List<String> members(String groupid) {
        return List.copyOf(group(groupid, "").members);
    }

    public synchronized void createGroup(String groupid, String comment) {
        changed();
        if (groups.containsKey(groupid)) {
            throw ApiException.failed("create group failed: group '" + groupid + "' already exists");
        }
        Group g = new Group();
        g.comment = comment == null ? "" : comment;
        groups.put(groupid, g);
    }

    public synchronized void updateGroup(String groupid, String comment) {
        changed();
        Group g = group(groupid, "update group failed: ");
        if (comment != null) {
            g.comment = comment;
        }
    }

    /** Deletes a group and its ACL entries (its users stay). */
    public synchronized void deleteGroup(String groupid) {
        changed();
        group(groupid, "delete group failed: ");
        groups.remove(groupid);
        acl.values().removeIf(a -> a.type().equals("group") && a.ugid().equals(groupid));
    }

    private Group group(String groupid, String prefix) {
        Group g = groups.get(groupid);
        if (g == null) {
            throw ApiException.failed(prefix + "no such group '" + groupid + "'");
        }
        return g;
    }

    // ---- roles ----

    /** @return every role id: the built-in ones and the custom ones, sorted */
    public synchronized List<String> roleIds() {
        TreeSet<String> all = new TreeSet<>(BUILT_IN.keySet());
        all.addAll(roles.keySet());
        return List.copyOf(all);
    }

    public static boolean special(String roleid) {
        return BUILT_IN.containsKey(roleid);
    }

    /** @return a role's privileges, sorted; 500 when there is no such role */
    public synchronized Set<String> rolePrivileges(String roleid) {
        Set<String> p = BUILT_IN.containsKey(roleid) ? BUILT_IN.get(roleid) : roles.get(roleid);
        if (p == null) {
            throw ApiException.failed("role '" + roleid + "' does not exist");
        }
        return Collections.unmodifiableSet(new TreeSet<>(p));
    }

    public synchronized void createRole(String roleid, String privs) {
        changed();
        if (BUILT_IN.containsKey(roleid) || roles.containsKey(roleid)) {
            throw ApiException.failed("create role failed: role '" + roleid + "' already exists");
        }
        roles.put(roleid, privileges(privs, "create role failed: "));
    }

    public synchronized void updateRole(String roleid, String privs, boolean append) {
        changed();
        if (BUILT_IN.containsKey(roleid)) {
            throw ApiException.failed("update role failed: cannot modify role '" + roleid + "'");
        }
        TreeSet<String> current = roles.get(roleid);
        if (current == null) {
            throw ApiException.failed("update role failed: role '" + roleid + "' does not exist");
        }
        if (privs == null) {
            return;
        }
        TreeSet<String> given = privileges(privs, "update role failed: ");
        if (!append) {
            current.clear();
        }
        current.addAll(given);
    }

    /** Deletes a custom role and the ACL entries that give it. */
    public synchronized void deleteRole(String roleid) {
        changed();
        if (BUILT_IN.containsKey(roleid)) {
            throw ApiException.failed("delete role failed: cannot delete role '" + roleid + "'");
        }
        if (roles.remove(roleid) == null) {
            throw ApiException.failed("delete role failed: role '" + roleid + "' does not exist");
        }
        acl.values().removeIf(a -> a.role().equals(roleid));
    }

    private static TreeSet<String> privileges(String privs, String prefix) {
        TreeSet<String> out = new TreeSet<>();
        for (String p : list(privs)) {
            if (!allPrivileges().contains(p)) {
                throw ApiException.failed(prefix + "invalid privilege '" + p + "'");
            }
            out.add(p);
        }
        return out;
    }

    // ---- ACL ----

    /** @return every ACL entry, by path, then users, groups, tokens */
    public synchronized List<Acl> acl() {
        return List.copyOf(acl.values());
    }

    /**
     * {@code PUT /access/acl}: adds (or with {@code delete} removes) each role for each user, group and token on the
     * path. Adding an entry that exists changes its {@code propagate}.
     */
    public synchronized void updateAcl(String path, List<String> roleIds, List<String> userIds, List<String> groupIds,
                                       List<String> tokenIds, boolean propagate, boolean delete) {
        changed();
        String p = normalize(path);
        if (!ACL_PATH.matcher(p).matches()) {
            throw ApiException.failed("invalid ACL path '" + path + "'");
        }
        if (userIds.isEmpty() && groupIds.isEmpty() && tokenIds.isEmpty()) {
            throw ApiException.failed("either 'users', 'groups' or 'tokens' is required");
        }
        for (String r : roleIds) {
            if (!BUILT_IN.containsKey(r) && !roles.containsKey(r)) {
                throw ApiException.failed("role '" + r + "' does not exist");
            }
        }
        if (!delete) {
            userIds.forEach(u -> {
                if (!users.containsKey(u)) {
                    throw ApiException.failed("user '" + u + "' does not exist");
                }
            });
            groupIds.forEach(g -> {
                if (!groups.containsKey(g)) {
                    throw ApiException.failed("group '" + g + "' does not exist");
                }
            });
            tokenIds.forEach(t -> {
                int bang = t.indexOf('!');
                if (bang < 0 || !tokens.containsKey(t)) {
                    throw ApiException.failed("no such token '" + (bang < 0 ? t : t.substring(bang + 1)) + "' for user '"
                            + (bang < 0 ? "" : t.substring(0, bang)) + "'");
                }
            });
        }
        for (String r : roleIds) {
            edit(p, "user", userIds, r, propagate, delete);
            edit(p, "group", groupIds, r, propagate, delete);
            edit(p, "token", tokenIds, r, propagate, delete);
        }
    }

    private void edit(String path, String type, List<String> ids, String role, boolean propagate, boolean delete) {
        for (String id : ids) {
            Acl a = new Acl(path, type, id, role, propagate);
            if (delete) {
                acl.remove(a.key());
            } else {
                acl.put(a.key(), a);
            }
        }
    }

    // ---- helpers ----

    /** @return the items of a PVE list parameter ({@code a,b c;d}) */
    public static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, Set<String>> builtIn() {
        Set<String> all = new TreeSet<>(Privileges.ALL);
        Set<String> vmUser = Set.of("VM.Audit", "VM.Backup", "VM.Config.CDROM", "VM.Config.Cloudinit", "VM.Console",
                "VM.GuestAgent.Audit", "VM.PowerMgmt");
        Set<String> vmAdmin = new TreeSet<>();
        all.stream().filter(p -> p.startsWith("VM.")).forEach(vmAdmin::add);
        Set<String> admin = new TreeSet<>(all);
        admin.removeAll(Set.of("Sys.PowerMgmt", "Sys.Modify", "Realm.Allocate", "Permissions.Modify"));
        Map<String, Set<String>> m = new TreeMap<>();
        m.put("Administrator", Collections.unmodifiableSet(all));
        m.put("NoAccess", Set.of());
        m.put("PVEAdmin", admin);
        m.put("PVEAuditor", Privileges.AUDITOR);
        m.put("PVEDatastoreAdmin", Set.of("Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate",
                "Datastore.Audit"));
        m.put("PVEDatastoreUser", Set.of("Datastore.AllocateSpace", "Datastore.Audit"));
        m.put("PVEMappingAdmin", Set.of("Mapping.Audit", "Mapping.Modify", "Mapping.Use"));
        m.put("PVEMappingUser", Set.of("Mapping.Audit", "Mapping.Use"));
        m.put("PVEPoolAdmin", Set.of("Pool.Allocate", "Pool.Audit"));
        m.put("PVEPoolUser", Set.of("Pool.Audit"));
        m.put("PVESDNAdmin", Set.of("SDN.Allocate", "SDN.Audit", "SDN.Use"));
        m.put("PVESDNUser", Set.of("SDN.Audit", "SDN.Use"));
        m.put("PVESysAdmin", Set.of("Permissions.Modify", "Sys.Audit", "Sys.Console", "Sys.Syslog"));
        m.put("PVETemplateUser", Set.of("VM.Audit", "VM.Clone"));
        m.put("PVEUserAdmin", Set.of("Group.Allocate", "Realm.AllocateUser", "User.Modify"));
        m.put("PVEVMAdmin", Collections.unmodifiableSet(vmAdmin));
        m.put("PVEVMUser", vmUser);
        return Collections.unmodifiableMap(m);
    }
}
