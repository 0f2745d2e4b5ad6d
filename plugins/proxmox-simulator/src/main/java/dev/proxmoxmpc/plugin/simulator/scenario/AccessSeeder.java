package dev.proxmoxmpc.plugin.simulator.scenario;

import dev.proxmoxmpc.plugin.simulator.auth.AccessControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds the access configuration from a scenario's {@code access}: groups, roles, users, tokens (with random secrets
 * that nobody is told: a test that needs one regenerates it through the API), then the ACL.
 */
public final class AccessSeeder {
    private AccessSeeder() {}

    public static void seed(AccessControl access, Map<String, List<Map<String, Object>>> spec) {
        for (Map<String, Object> g : spec.getOrDefault("groups", List.of())) {
            access.createGroup(text(g, "groupid"), strings(g).get("comment"));
        }
        for (Map<String, Object> r : spec.getOrDefault("roles", List.of())) {
            access.createRole(text(r, "roleid"), strings(r).getOrDefault("privs", ""));
        }
        for (Map<String, Object> u : spec.getOrDefault("users", List.of())) {
            Map<String, String> p = strings(u);
            access.createUser(text(u, "userid"), p);
        }
        for (Map<String, Object> t : spec.getOrDefault("tokens", List.of())) {
            String id = text(t, "id");
            int bang = id.indexOf('!');
            if (bang < 0) {
                throw new IllegalArgumentException("a token id must look like user@realm!name, got " + id);
            }
            access.createToken(id.substring(0, bang), id.substring(bang + 1), strings(t), null);
        }
        for (Map<String, Object> a : spec.getOrDefault("acl", List.of())) {
            Map<String, String> p = strings(a);
            String type = p.getOrDefault("type", "user");
            List<String> ugid = List.of(text(a, "ugid"));
            access.updateAcl(text(a, "path"), List.of(text(a, "roleid")), type.equals("user") ? ugid : List.of(),
                    type.equals("group") ? ugid : List.of(), type.equals("token") ? ugid : List.of(),
                    !p.getOrDefault("propagate", "1").equals("0"), false);
        }
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException("an access entry needs '" + key + "': " + m);
        }
        return String.valueOf(v);
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v)));
        return out;
    }
}
