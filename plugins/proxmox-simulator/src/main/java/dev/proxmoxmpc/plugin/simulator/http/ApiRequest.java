package dev.proxmoxmpc.plugin.simulator.http;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.auth.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A validated request: method, path below {@code /api2/json}, every parameter (path, query, body) as a string. */
public record ApiRequest(String method, String path, Map<String, String> params, Principal principal) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        Objects.requireNonNull(principal, "principal");
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public String required(String name) {
        String v = params.get(name);
        if (v == null) {
            throw ApiException.parameter(name, "property is missing and it is not optional");
        }
        return v;
    }

    public String node() {
        return required("node");
    }

    public int vmid() {
        return Integer.parseInt(required("vmid").trim());
    }

    /** @return a boolean parameter, 0/1 after validation. */
    public boolean flag(String name) {
        String v = params.get(name);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    public int intParam(String name, int dflt) {
        String v = params.get(name);
        return v == null ? dflt : Integer.parseInt(v.trim());
    }
}
