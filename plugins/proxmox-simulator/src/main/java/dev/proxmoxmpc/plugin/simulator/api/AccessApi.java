package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.AccessControl;
import dev.proxmoxmpc.plugin.simulator.auth.Authenticator;
import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /access}: session login and renewal ({@code /access/ticket}), {@code /access/permissions}, and the access
 * configuration PVE keeps in user.cfg: users and their API tokens, groups, roles and the ACL, served from the same
 * {@link AccessControl} the authenticator checks privileges with, so a change made here changes what the simulator
 * allows at once. Shapes, parameters and permissions from the PVE 9.2 schema ({@code pve-schema-access.json});
 * the checks the schema writes as {@code userid-param}, {@code userid-group} and {@code perm-modify} are made here,
 * as PVE's {@code RPCEnvironment} makes them. A token's secret is in the answer of its creation (and of a
 * {@code regenerate}) only.
 */
public final class AccessApi {
    private final Cluster cluster;
    private final Authenticator auth;
    private final AccessControl access;

    public AccessApi(Cluster cluster, Authenticator auth) {
        this.cluster = cluster;
        this.auth = auth;
        this.access = auth.access();
    }

    public void register(Router r) {
        r.open("POST", "/access/ticket", this::ticket);
        r.get("/access/permissions", this::permissions);
        r.get("/access/users", this::users);
        r.post("/access/users", this::createUser);
        r.get("/access/users/{userid}", this::user);
        r.put("/access/users/{userid}", this::updateUser);
        r.delete("/access/users/{userid}", this::deleteUser);
        r.get("/access/users/{userid}/token", this::tokens);
        r.get("/access/users/{userid}/token/{tokenid}", this::token);
        r.post("/access/users/{userid}/token/{tokenid}", this::createToken);
        r.put("/access/users/{userid}/token/{tokenid}", this::updateToken);
        r.delete("/access/users/{userid}/token/{tokenid}", this::deleteToken);
        r.get("/access/groups", this::groups);
        r.post("/access/groups", this::createGroup);
        r.get("/access/groups/{groupid}", this::group);
        r.put("/access/groups/{groupid}", this::updateGroup);
        r.delete("/access/groups/{groupid}", this::deleteGroup);
        r.get("/access/roles", this::roles);
        r.post("/access/roles", this::createRole);
        r.get("/access/roles/{roleid}", this::role);
        r.put("/access/roles/{roleid}", this::updateRole);
        r.delete("/access/roles/{roleid}", this::deleteRole);
        r.get("/access/acl", this::acl);
        r.put("/access/acl", this::updateAcl);
    }

    // ---- permission checks the schema only names ----

    /** {@code userid-group}: one of {@code privs} on /access/groups or on a group the user is in. */
    private boolean userGroup(Principal who, String userid, String... privs) {
        for (String p : privs) {
            if (who.has("/access/groups", p)) {
                return true;
            }
            if (access.hasUser(userid)) {
                for (String g : access.groupsOf(userid)) {
                    if (who.has("/access/groups/" + g, p)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean self(Principal who, String userid) {
        return who.tokenName().isEmpty() && who.userid().equals(userid);
    }

    private static void deny() {
        throw ApiException.forbidden("Permission check failed");
    }

    /** {@code and(userid-param Realm.AllocateUser, userid-group User.Modify [groups_param])}. */
    private void userWrite(Principal who, String userid, List<String> groups) {
        String realm = userid.substring(userid.indexOf('@') + 1);
        if (!who.has("/access/realm/" + realm, "Realm.AllocateUser")) {
            throw ApiException.forbidden("Permission check failed (/access/realm/" + realm + ", Realm.AllocateUser)");
        }
        if (!userGroup(who, userid, "User.Modify")) {
            deny();
        }
        for (String g : groups) {
            if (!who.has("/access/groups/" + g, "User.Modify")) {
                throw ApiException.forbidden("Permission check failed (/access/groups/" + g + ", User.Modify)");
            }
        }
    }

    /** {@code or(userid-param self, userid-group [User.Modify])}, the check of every token call. */
    private void tokenAccess(Principal who, String userid) {
        if (!self(who, userid) && !userGroup(who, userid, "User.Modify")) {
            deny();
        }
    }

    // ---- users ----

    private Object users(ApiRequest req) {
        Principal who = req.principal();
        boolean all = who.has("/access/groups", "User.Modify") || who.has("/access/groups", "Sys.Audit");
        boolean full = req.flag("full");
        List<Object> out = new ArrayList<>();
        for (String userid : access.userIds()) {
            if (!all && !userid.equals(who.userid()) && !userGroup(who, userid, "User.Modify", "Sys.Audit")) {
                continue;
            }
            Map<String, Object> fields = access.userFields(userid);
            if (req.param("enabled").isPresent() && (((Long) fields.get("enable")) == 1) != req.flag("enabled")) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("userid", userid);
            e.putAll(fields);
            List<String> groups = access.groupsOf(userid);
            if (!groups.isEmpty()) {
                e.put("groups", String.join(",", groups));
            }
            e.put("realm-type", userid.endsWith("@pam") ? "pam" : userid.endsWith("@pve") ? "pve" : "ldap");
            if (full) {
                List<Object> tokens = new ArrayList<>();
                for (String name : access.tokenNames(userid)) {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("tokenid", name);
                    t.putAll(access.tokenInfo(userid, name));
                    tokens.add(t);
                }
                e.put("tokens", tokens);
            }
            out.add(e);
        }
        return out;
    }

    private Object user(ApiRequest req) {
        String userid = req.required("userid");
        if (!userGroup(req.principal(), userid, "User.Modify", "Sys.Audit")) {
            deny();
        }
        Map<String, Object> out = new LinkedHashMap<>(access.userFields(userid));
        out.put("groups", access.groupsOf(userid));
        Map<String, Object> tokens = new TreeMap<>();
        access.tokenNames(userid).forEach(t -> tokens.put(t, access.tokenInfo(userid, t)));
        out.put("tokens", tokens);
        return out;
    }

    private Object createUser(ApiRequest req) {
        String userid = req.required("userid");
        List<String> groups = AccessControl.list(req.param("groups").orElse(null));
        userWrite(req.principal(), userid, groups);
        access.createUser(userid, req.params());
        return null;
    }

    private Object updateUser(ApiRequest req) {
        String userid = req.required("userid");
        if (!userGroup(req.principal(), userid, "User.Modify")) {
            deny();
        }
        for (String g : AccessControl.list(req.param("groups").orElse(null))) {
            if (!req.principal().has("/access/groups/" + g, "User.Modify")) {
                throw ApiException.forbidden("Permission check failed (/access/groups/" + g + ", User.Modify)");
            }
        }
        access.updateUser(userid, req.params(), req.flag("append"));
        return null;
    }

    private Object deleteUser(ApiRequest req) {
        String userid = req.required("userid");
        userWrite(req.principal(), userid, List.of());
        access.deleteUser(userid);
        return null;
    }

    // ---- tokens ----

    private Object tokens(ApiRequest req) {
        String userid = req.required("userid");
        tokenAccess(req.principal(), userid);
        List<Object> out = new ArrayList<>();
        for (String name : access.tokenNames(userid)) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("tokenid", name);
            t.putAll(access.tokenInfo(userid, name));
            out.add(t);
        }
        return out;
    }

    private Object token(ApiRequest req) {
        String userid = req.required("userid");
        tokenAccess(req.principal(), userid);
        return access.tokenInfo(userid, req.required("tokenid"));
    }

    private Object createToken(ApiRequest req) {
        String userid = req.required("userid");
        String tokenid = req.required("tokenid");
        tokenAccess(req.principal(), userid);
        String secret = access.createToken(userid, tokenid, req.params(), null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("full-tokenid", userid + "!" + tokenid);
        out.put("info", access.tokenInfo(userid, tokenid));
        out.put("value", secret);
        return out;
    }

    /**
     * PVE 9's token update; with {@code regenerate=1} a new secret for the same token id and ACLs. The schema's check
     * is {@code or(userid-param self, userid-group [User.Modify])}: "self" is a ticket login as that very user (an API
     * token authenticates as {@code user@realm!name}, so it is never "self"), else User.Modify is needed.
     */
    private Object updateToken(ApiRequest req) {
        String userid = req.required("userid");
        String tokenid = req.required("tokenid");
        Principal who = req.principal();
        if (!self(who, userid) && !who.has("User.Modify") && !userGroup(who, userid, "User.Modify")) {
            deny();
        }
        if (auth.fixedToken(userid, tokenid)) { // a token added with fixed privileges (tests): only its secret changes
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("privsep", 1);
            out.put("expire", 0);
            if (req.flag("regenerate")) {
                out.put("full-tokenid", userid + "!" + tokenid);
                out.put("value", auth.regenerate(userid, tokenid).orElseThrow());
            }
            return out;
        }
        String secret = access.updateToken(userid, tokenid, req.params(),
                AccessControl.list(req.param("delete").orElse(null)), req.flag("regenerate"));
        Map<String, Object> out = new LinkedHashMap<>(access.tokenInfo(userid, tokenid));
        if (secret != null) {
            out.put("full-tokenid", userid + "!" + tokenid);
            out.put("value", secret);
        }
        return out;
    }

    private Object deleteToken(ApiRequest req) {
        String userid = req.required("userid");
        tokenAccess(req.principal(), userid);
        access.deleteToken(userid, req.required("tokenid"));
        return null;
    }

    // ---- groups ----

    private Object groups(ApiRequest req) {
        Principal who = req.principal();
        List<Object> out = new ArrayList<>();
        for (String g : access.groupIds()) {
            String path = "/access/groups/" + g;
            if (!who.has(path, "User.Modify") && !who.has(path, "Sys.Audit") && !who.has(path, "Group.Allocate")) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("groupid", g);
            String comment = access.groupComment(g);
            if (!comment.isEmpty()) {
                e.put("comment", comment);
            }
            List<String> members = access.members(g);
            if (!members.isEmpty()) {
                e.put("users", String.join(",", members));
            }
            out.add(e);
        }
        return out;
    }

    private Object group(ApiRequest req) {
        String g = req.required("groupid");
        Map<String, Object> out = new LinkedHashMap<>();
        String comment = access.groupComment(g);
        if (!comment.isEmpty()) {
            out.put("comment", comment);
        }
        out.put("members", access.members(g));
        return out;
    }

    private Object createGroup(ApiRequest req) {
        access.createGroup(req.required("groupid"), req.param("comment").orElse(null));
        return null;
    }

    private Object updateGroup(ApiRequest req) {
        access.updateGroup(req.required("groupid"), req.param("comment").orElse(null));
        return null;
    }

    private Object deleteGroup(ApiRequest req) {
        access.deleteGroup(req.required("groupid"));
        return null;
    }

    // ---- roles ----

    private Object roles(ApiRequest req) {
        List<Object> out = new ArrayList<>();
        for (String r : access.roleIds()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("roleid", r);
            e.put("privs", String.join(",", access.rolePrivileges(r)));
            if (AccessControl.special(r)) {
                e.put("special", 1);
            }
            out.add(e);
        }
        return out;
    }

    private Object role(ApiRequest req) {
        Map<String, Object> out = new TreeMap<>();
        access.rolePrivileges(req.required("roleid")).forEach(p -> out.put(p, 1));
        return out;
    }

    private Object createRole(ApiRequest req) {
        access.createRole(req.required("roleid"), req.param("privs").orElse(""));
        return null;
    }

    private Object updateRole(ApiRequest req) {
        access.updateRole(req.required("roleid"), req.param("privs").orElse(null), req.flag("append"));
        return null;
    }

    private Object deleteRole(ApiRequest req) {
        access.deleteRole(req.required("roleid"));
        return null;
    }

    // ---- ACL ----

    /** Only the entries on paths where the caller may modify permissions, as PVE filters them. */
    private Object acl(ApiRequest req) {
        Principal who = req.principal();
        List<Object> out = new ArrayList<>();
        for (AccessControl.Acl a : access.acl()) {
            if (!who.has(a.path(), "Permissions.Modify")) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", a.path());
            e.put("type", a.type());
            e.put("ugid", a.ugid());
            e.put("roleid", a.role());
            e.put("propagate", a.propagate() ? 1 : 0);
            out.add(e);
        }
        return out;
    }

    /** {@code perm-modify {path}}: Permissions.Modify on the path. */
    private Object updateAcl(ApiRequest req) {
        String path = AccessControl.normalize(req.required("path"));
        if (!req.principal().has(path, "Permissions.Modify")) {
            throw ApiException.forbidden("Permission check failed (" + path + ", Permissions.Modify)");
        }
        access.updateAcl(path, AccessControl.list(req.required("roles")),
                AccessControl.list(req.param("users").orElse(null)), AccessControl.list(req.param("groups").orElse(null)),
                AccessControl.list(req.param("tokens").orElse(null)), !req.param("propagate").orElse("1").equals("0"),
                req.flag("delete"));
        return null;
    }

    // ---- session ----

    private Object ticket(ApiRequest req) {
        String username = req.required("username");
        if (!username.contains("@") && req.param("realm").isPresent()) {
            username = username + "@" + req.param("realm").get();
        }
        Principal who = auth.login(username, req.param("password").orElse(null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("username", who.userid());
        data.put("ticket", auth.ticket(who.userid()));
        data.put("CSRFPreventionToken", auth.csrfToken(who.userid()));
        if (who.has("Sys.Audit")) {
            data.put("clustername", cluster.name);
        }
        data.put("cap", Privileges.cap(who.privileges()));
        return data;
    }

    /**
     * Without {@code path}: the privileges on {@code /} and on every ACL path where they differ (paths it holds none
     * on left out); with one: those on that path.
     */
    private Object permissions(ApiRequest req) {
        Principal who = req.principal();
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> paths = req.param("path").map(List::of).orElseGet(access::aclPaths);
        Set<String> root = who.onPath().apply("/");
        for (String path : paths) {
            Set<String> held = who.onPath().apply(path);
            boolean asAbove = req.param("path").isEmpty() && !path.equals("/") && held.equals(root);
            if (!held.isEmpty() && !asAbove) {
                Map<String, Integer> privs = new TreeMap<>();
                held.forEach(p -> privs.put(p, 1));
                out.put(path, privs);
            }
        }
        return out;
    }
}
