package dev.proxmoxmpc.plugin.simulator.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A method and a path template ({@code /nodes/{node}/qemu/{vmid}/config}) bound to a handler; {@code schemaPath}
 * names the schema entry whose parameters and permissions apply (usually the template itself).
 */
public record Route(String method, String template, Handler handler, boolean needsAuth) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(handler, "handler");
    }

    /** @return the path parameters when {@code segments} matches, else {@code null}. */
    Map<String, String> match(List<String> segments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("{")) {
                if (segments.get(i).isEmpty()) {
                    return null;
                }
                vars.put(p.substring(1, p.length() - 1), segments.get(i));
            } else if (!p.equals(segments.get(i))) {
                return null;
            }
        }
        return vars;
    }
}
