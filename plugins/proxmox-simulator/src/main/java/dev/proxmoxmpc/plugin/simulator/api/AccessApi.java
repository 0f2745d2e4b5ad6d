package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.auth.Authenticator;
import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
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
