package dev.proxmoxmpc.plugin.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The privilege checks PVE's Perl code makes beyond a method's schema {@code permissions} (VM.Allocate for a create,
 * VM.Config.* per changed option, SDN.Use per bridge, Datastore.AllocateSpace per new volume...), read from the
 * repository's {@code pve-facts/pve-privileges.json}. Checks marked {@code schema} are left to the schema check. A
 * failure is PVE's 403 {@code Permission check failed (/vms/100, VM.Allocate)}.
 */
public final class CodeChecks {
    private static final String RESOURCE = "/dev/proxmoxmpc/pvefacts/pve-privileges.json";
    private static final CodeChecks BUNDLED = load();

    private final JsonNode facts;

    private CodeChecks(JsonNode facts) {
        this.facts = facts;
    }

    /** @return the checks of the bundled facts file */
    public static CodeChecks bundled() {
        return BUNDLED;
    }

    private static CodeChecks load() {
        try (InputStream in = CodeChecks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new CodeChecks(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a call as PVE's code does after its schema check.
     *
     * @param method   HTTP method
     * @param template the route template ({@code /nodes/{node}/qemu/{vmid}/config})
     * @param params   every parameter of the call, path parameters included
     * @param who      the caller
     * @throws ApiException 403 at the first privilege the caller lacks
     */
    public void check(String method, String template, Map<String, String> params, Principal who) {
        String kind = template.startsWith("/nodes/{node}/lxc") ? "lxc" : "qemu";
        for (JsonNode call : facts.path("calls")) {
            if (call.path("method").asText().equals(method) && matches(call.path("path").asText(), template)
                    && Conditions.holds(call, params)) {
                for (JsonNode check : call.path("checks")) {
                    apply(check, kind, params, who);
                }
            }
        }
    }

    private void apply(JsonNode check, String kind, Map<String, String> params, Principal who) {
        if (check.path("schema").asBoolean(false) || check.path("handler").asBoolean(false) || !Conditions.holds(check, params)
                || (check.has("kind") && !check.path("kind").asText().equals(kind))) {
            return;
        }
        if (check.has("each")) {
            for (Need need : Rules.each(check.path("each").asText(), kind, params, facts.path("optionGroups").path(kind))) {
                require(need, who, false);
            }
            return;
        }
        List<String> privs = new ArrayList<>();
        check.path("privileges").forEach(p -> privs.add(p.asText()));
        Need need = new Need(Conditions.substitute(check.path("path").asText(), params), privs, check.path("any").asBoolean(false));
        require(need, who, check.path("message").asText().equals("bare"));
    }

    private static void require(Need need, Principal who, boolean bare) {
        Set<String> held = who.onPath().apply(need.path());
        boolean ok = need.any() ? need.privileges().stream().anyMatch(held::contains) : held.containsAll(need.privileges());
        if (ok) {
            return;
        }
        if (bare) {
            throw ApiException.forbidden("Permission check failed");
        }
        String what = need.any() ? String.join("|", need.privileges())
                : need.privileges().stream().filter(p -> !held.contains(p)).findFirst().orElseThrow();
        throw ApiException.forbidden("Permission check failed (" + need.path() + ", " + what + ")");
    }

    /** A path segment {@code {x}} of the facts matches any segment of the route; literal segments must be equal. */
    static boolean matches(String factPath, String template) {
        String[] f = factPath.split("/");
        String[] t = template.split("/");
        if (f.length != t.length) {
            return false;
        }
        for (int i = 0; i < f.length; i++) {
            boolean variable = f[i].startsWith("{") && !f[i].equals("{type}");
            boolean type = f[i].equals("{type}") && (t[i].equals("qemu") || t[i].equals("lxc"));
            if (!variable && !type && !f[i].equals(t[i])) {
                return false;
            }
        }
        return true;
    }

    /** One requirement: privileges (all, or any) on a path. */
    record Need(String path, List<String> privileges, boolean any) {
    }
}
