package dev.proxmoxmpc.plugin.simulator.http;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a schema {@code permissions.check} ({@code ["perm", "/vms/{vmid}", ["VM.Audit"]]}, {@code and},
 * {@code or}, {@code any}) for a caller, with its privileges on the check's path. A failure is PVE's 403
 * {@code Permission check failed (/vms/100, VM.Audit)}.
 */
public final class Permissions {
    private Permissions() {
    }

    /** @throws ApiException 403 when the check fails */
    public static void check(JsonNode permissions, Map<String, String> params, Principal who) {
        JsonNode check = permissions.get("check");
        if (check == null || !check.isArray()) {
            return;
        }
        String denied = denied(check, params, who);
        if (denied != null) {
            throw ApiException.forbidden("Permission check failed (" + denied + ")");
        }
    }

    /** @return {@code path, privilege} of the first failing check, or {@code null} when allowed. */
    private static String denied(JsonNode check, Map<String, String> params, Principal who) {
        String op = check.path(0).asText();
        switch (op) {
            case "perm" -> {
                String path = substitute(check.path(1).asText(), params);
                List<String> privs = new ArrayList<>();
                check.path(2).forEach(p -> privs.add(p.asText()));
                boolean any = check.size() > 3 && check.path(3).asText().equals("any");
                if (any) {
                    return privs.stream().anyMatch(x -> who.has(path, x)) ? null : path + ", " + String.join("|", privs);
                }
                for (String p : privs) {
                    if (!who.has(path, p)) {
                        return path + ", " + p;
                    }
                }
                return null;
            }
            case "and" -> {
                for (int i = 1; i < check.size(); i++) {
                    String d = denied(check.get(i), params, who);
                    if (d != null) {
                        return d;
                    }
                }
                return null;
            }
            case "or" -> {
                String first = null;
                for (int i = 1; i < check.size(); i++) {
                    String d = denied(check.get(i), params, who);
                    if (d == null) {
                        return null;
                    }
                    first = first == null ? d : first;
                }
                return first;
            }
            default -> {
                return null;
            }
        }
    }

    private static String substitute(String path, Map<String, String> params) {
        String out = path;
        for (Map.Entry<String, String> e : params.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
