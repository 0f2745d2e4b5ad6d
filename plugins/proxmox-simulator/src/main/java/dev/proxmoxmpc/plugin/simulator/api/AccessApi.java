package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Authenticator;
import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code /access/ticket} (session login and renewal) and {@code /access/permissions}. */
public final class AccessApi {
    private final Cluster cluster;
    private final Authenticator auth;

    public AccessApi(Cluster cluster, Authenticator auth) {
        this.cluster = cluster;
        this.auth = auth;
    }

    public void register(Router r) {
        r.open("POST", "/access/ticket", this::ticket);
        r.get("/access/permissions", this::permissions);
        r.put("/access/users/{userid}/token/{tokenid}", this::updateToken);
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
        boolean self = who.tokenName().isEmpty() && who.userid().equals(userid);
        if (!self && !who.has("User.Modify")) {
            throw ApiException.forbidden("Permission check failed");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("privsep", 1);
        out.put("expire", 0);
        if (req.flag("regenerate")) {
            String secret = auth.regenerate(userid, tokenid)
                    .orElseThrow(() -> ApiException.failed("no such token '" + tokenid + "' for user '" + userid + "'"));
            out.put("full-tokenid", userid + "!" + tokenid);
            out.put("value", secret);
        }
        return out;
    }

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

    private Object permissions(ApiRequest req) {
        Map<String, Integer> privs = new TreeMap<>();
        req.principal().privileges().forEach(p -> privs.put(p, 1));
        Map<String, Object> out = new LinkedHashMap<>();
        String path = req.param("path").orElse("/");
        if (!privs.isEmpty()) {
            out.put(path, privs);
        }
        return out;
    }
}
