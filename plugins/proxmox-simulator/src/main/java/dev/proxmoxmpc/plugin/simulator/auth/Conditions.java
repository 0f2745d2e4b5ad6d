package dev.proxmoxmpc.plugin.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The {@code if} / {@code unless} conditions of the privilege facts and the {@code {param}} substitution of paths. */
final class Conditions {
    private Conditions() {
    }

    /** @return whether {@code node}'s {@code if} holds (when given) and its {@code unless} does not */
    static boolean holds(JsonNode node, Map<String, String> params) {
        if (node.has("if") && !anyHolds(node.path("if").asText(), params)) {
            return false;
        }
        return !(node.has("unless") && anyHolds(node.path("unless").asText(), params));
    }

    /** {@code a|b=1}: parameter {@code a} is given, or {@code b} equals {@code 1}. */
    private static boolean anyHolds(String alternatives, Map<String, String> params) {
        for (String alt : alternatives.split("\\|")) {
            int eq = alt.indexOf('=');
            boolean holds = eq < 0 ? params.containsKey(alt) && !params.get(alt).isEmpty()
                    : alt.substring(eq + 1).equals(params.get(alt.substring(0, eq)));
            if (holds) {
                return true;
            }
        }
        return false;
    }

    static String substitute(String path, Map<String, String> params) {
        String out = path;
        for (Map.Entry<String, String> e : params.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
