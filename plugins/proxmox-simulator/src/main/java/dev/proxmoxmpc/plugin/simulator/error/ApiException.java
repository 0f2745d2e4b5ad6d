package dev.proxmoxmpc.plugin.simulator.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered the way pve-http-server answers it: status, message (reason phrase = its first line), and
 * for 400 the per-parameter {@code errors}. {@code emptyBody} is for 401s answered before any handler ran.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> errors;
    private final boolean emptyBody;

    private ApiException(int status, String message, Map<String, String> errors, boolean emptyBody) {
        super(message, null, false, false);
        this.status = status;
        this.errors = Map.copyOf(errors);
        this.emptyBody = emptyBody;
    }

    /** 400 {@code Parameter verification failed.} with one error per parameter. */
    public static ApiException parameters(Map<String, String> errors) {
        return new ApiException(400, "Parameter verification failed.", new LinkedHashMap<>(errors), false);
    }

    /** 400 with a message of the handler's own and one error per parameter (e.g. {@code Rule 'x' is invalid.}). */
    public static ApiException invalid(String message, Map<String, String> errors) {
        return new ApiException(400, message, new LinkedHashMap<>(errors), false);
    }

    /** 400 with a single parameter error. */
    public static ApiException parameter(String name, String message) {
        return parameters(Map.of(name, message));
    }

    /** 401 with an empty body (no ticket, bad ticket, bad CSRF token, bad API token). */
    public static ApiException unauthorized(String reason) {
        return new ApiException(401, reason, Map.of(), true);
    }

    /** 401 {@code authentication failure} from POST /access/ticket (a JSON body). */
    public static ApiException authenticationFailure() {
        return new ApiException(401, "authentication failure", Map.of(), false);
    }

    /** 403, e.g. {@code Permission check failed (/vms/100, VM.Audit)}. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, message, Map.of(), false);
    }

    /** 500 with the handler's message. */
    public static ApiException failed(String message) {
        return new ApiException(500, message, Map.of(), false);
    }

    /**
     * 595 from pveproxy when the node a {@code /nodes/<node>/...} call is proxied to cannot be reached; AnyEvent::HTTP
     * puts the connection error in the reason phrase and the body is empty.
     */
    public static ApiException unreachable() {
        return new ApiException(595, "Errors during connection establishment, proxy handshake: No route to host", Map.of(), true);
    }

    /** 501, e.g. {@code Method 'GET /nodes/pve/foo' not implemented}. */
    public static ApiException notImplemented(String message) {
        return new ApiException(501, message, Map.of(), false);
    }

    public int status() {
        return status;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean emptyBody() {
        return emptyBody;
    }
}
