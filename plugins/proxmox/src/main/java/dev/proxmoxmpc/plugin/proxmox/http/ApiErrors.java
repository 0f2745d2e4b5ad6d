package dev.proxmoxmpc.plugin.proxmox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a PVE error response into one {@link ProviderException} line a user can act on. */
final class ApiErrors {
    private static final Pattern PERM = Pattern.compile("Permission check failed \\(([^,]+), ([^)]+)\\)");
    private static final Pattern GUEST = Pattern.compile("/nodes/([^/]+)/(qemu|lxc)/(\\d+)");
    private static final Pattern NODE = Pattern.compile("^/nodes/([^/]+)");

    private ApiErrors() {}

    /**
     * @param method  HTTP method
     * @param path    API path below {@code /api2/json}
     * @param status  HTTP status
     * @param body    the parsed body, may be null (401s have none)
     * @param reason  fallback text when the body has no message
     * @param who     the identity used ({@code root@pam!mpc}), for hints
     */
    static ApiException of(String method, String path, int status, JsonNode body, String reason, String who) {
        ProviderException e = map(method, path, status, body, reason, who);
        return new ApiException(e.kind(), status, e.getMessage());
    }

    private static ProviderException map(String method, String path, int status, JsonNode body, String reason, String who) {
        String message = message(body, reason);
        String where = method + " " + path;
        return switch (status) {
            case 401 -> authentication(path, message, who);
            case 403 -> permission(where, message, who);
            case 400 -> invalid(where, message, body);
            case 501 -> new ProviderException(Kind.INVALID, where + ": not implemented by this server: " + message);
            case 500 -> serverError(where, path, message);
            case 595, 596 -> new ProviderException(Kind.CONNECTION, where + ": the cluster could not reach the target node ("
                    + message + "); check that the node is online");
            default -> new ProviderException(Kind.SERVER, where + ": server error " + status + ": " + message
                    + (status >= 502 && status <= 504 ? "; try again shortly" : ""));
        };
    }

    private static String message(JsonNode body, String reason) {
        if (body != null && body.hasNonNull("message")) {
            String m = body.get("message").asText().strip();
            int nl = m.indexOf('\n');
            String first = nl < 0 ? m : m.substring(0, nl);
            return nl < 0 ? first : first + " " + m.substring(nl + 1).strip().replace('\n', ' ');
        }
        return reason == null || reason.isBlank() ? "(no message)" : reason.strip();
    }

    private static ProviderException authentication(String path, String message, String who) {
        if (path.equals("/access/ticket")) {
            return new ProviderException(Kind.AUTHENTICATION, "authentication failed for " + who
                    + ": wrong user name or password (" + message + "); the user name needs its realm, e.g. root@pam");
        }
        if (who.contains("!")) {
            return new ProviderException(Kind.AUTHENTICATION, "authentication failed: API token " + who
                    + " was rejected (" + message + "): wrong token id or secret, or the token was removed or expired;"
                    + " create one with 'pveum user token add USER NAME' and update the secret");
        }
        return new ProviderException(Kind.AUTHENTICATION, "authentication failed for " + who + " (" + message
                + "): the session ticket was rejected; log in again");
    }

    private static ProviderException permission(String where, String message, String who) {
        Matcher m = PERM.matcher(message);
        if (m.find()) {
            String aclPath = m.group(1).strip();
            String[] privileges = m.group(2).strip().split("\\|"); // a check that any one of them passes
            String flag = who.contains("!") ? "--tokens " : "--users ";
            return new ProviderException(Kind.PERMISSION, "permission denied: " + who + " lacks privilege "
                    + String.join(" or ", privileges) + " on " + aclPath + " (" + where + "); grant "
                    + (privileges.length > 1 ? "one of them" : "it") + ", e.g. 'pveum acl modify " + aclPath + " " + flag
                    + who + " --roles <a role with " + privileges[0] + ">'");
        }
        return new ProviderException(Kind.PERMISSION, "permission denied for " + who + " (" + where + "): " + message);
    }

    private static ProviderException invalid(String where, String message, JsonNode body) {
        List<String> details = new ArrayList<>();
        if (body != null && body.has("errors") && body.get("errors").isObject()) {
            body.get("errors").fields().forEachRemaining(e -> details.add(e.getKey() + ": " + e.getValue().asText().strip()));
        }
        String detail = details.isEmpty() ? message : message.replaceAll("\\.$", "") + " - " + String.join("; ", details);
        Kind kind = detail.contains("no such task") || detail.contains("does not exist") ? Kind.NOT_FOUND : Kind.INVALID;
        return new ProviderException(kind, where + ": " + detail);
    }

    private static ProviderException serverError(String where, String path, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        Matcher g = GUEST.matcher(path);
        String guest = g.find() ? (g.group(2).equals("qemu") ? "VM " : "CT ") + g.group(3) + " on node " + g.group(1) : "";
        if (lower.contains("is locked") || lower.contains("can't lock file")) {
            return new ProviderException(Kind.LOCKED, where + ": " + message
                    + "; another task holds the lock, wait for it to finish (see the node's task list)");
        }
        if (lower.contains("checksum mismatch") || lower.contains("modified configuration")) {
            return new ProviderException(Kind.CONFLICT, where + ": " + message
                    + "; the config was changed by someone else since it was read: run /sync and plan again");
        }
        if (lower.contains("hostname lookup") || lower.contains("no such node") || lower.contains("not a cluster member")
                || lower.contains("unknown node")) {
            Matcher n = NODE.matcher(path);
            String node = n.find() ? n.group(1) : "?";
            return new ProviderException(Kind.NOT_FOUND, where + ": unknown node '" + node + "' (" + message
                    + "); check the node name with /status or pvecm nodes");
        }
        if (lower.contains("does not exist") || lower.contains("no such")) {
            return new ProviderException(Kind.NOT_FOUND, where + ": "
                    + (guest.isEmpty() ? "" : guest + " not found: ") + message + "; run /sync to refresh the inventory");
        }
        return new ProviderException(Kind.SERVER, where + ": " + message);
    }
}
