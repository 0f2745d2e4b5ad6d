package dev.proxmoxmpc.plugin.proxmox.privilege;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The privileges PVE requires for each write, from the repository's {@code pve-facts/pve-privileges.json} (the
 * schema's permission checks and what PVE's Perl code checks beyond them); the simulator reads the same facts with its
 * own code. Immutable, thread-safe.
 */
final class PrivilegeFacts {
    private static final String RESOURCE = "/dev/proxmoxmpc/pvefacts/pve-privileges.json";
    private static final PrivilegeFacts BUNDLED = load();

    private final JsonNode facts;

    private PrivilegeFacts(JsonNode facts) {
        this.facts = facts;
    }

    static PrivilegeFacts bundled() {
        return BUNDLED;
    }

    private static PrivilegeFacts load() {
        try (InputStream in = PrivilegeFacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new PrivilegeFacts(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every privilege the call needs, in the order PVE checks them */
    List<Requirement> required(PlannedCall call) {
        List<Requirement> out = new ArrayList<>();
        for (JsonNode entry : facts.path("calls")) {
            if (entry.path("method").asText().equals(call.method()) && entry.path("path").asText().equals(call.template())
                    && applies(entry, call.params())) {
                for (JsonNode check : entry.path("checks")) {
                    out.addAll(check(check, call));
                }
            }
        }
        return out;
    }

    private List<Requirement> check(JsonNode check, PlannedCall call) {
        if (!applies(check, call.params()) || (check.has("kind") && !check.path("kind").asText().equals(call.kind()))) {
            return List.of();
        }
        if (check.has("each")) {
            return ParameterRules.apply(check.path("each").asText(), call, facts.path("optionGroups").path(call.kind()));
        }
        String path = check.path("path").asText();
        for (Map.Entry<String, String> p : call.params().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", p.getValue());
        }
        List<String> privs = new ArrayList<>();
        check.path("privileges").forEach(p -> privs.add(p.asText()));
        return List.of(new Requirement(path, privs, check.path("any").asBoolean(false), call.change()));
    }

    /** {@code if} / {@code unless}: {@code a|b=1} holds when {@code a} is given or {@code b} is {@code 1}. */
    private static boolean applies(JsonNode node, Map<String, String> params) {
        boolean ok = !node.has("if") || holds(node.path("if").asText(), params);
        return ok && !(node.has("unless") && holds(node.path("unless").asText(), params));
    }

    private static boolean holds(String alternatives, Map<String, String> params) {
        for (String alt : alternatives.split("\\|")) {
            String[] kv = alt.split("=", 2);
            String value = params.getOrDefault(kv[0], "");
            if (kv.length == 1 ? !value.isEmpty() : value.equals(kv[1])) {
                return true;
            }
        }
        return false;
    }
}
