package dev.proxmoxmpc.plugin.simulator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PVE 9.2 API schema the simulator validates against: {@code pve-schema.json}, a copy of the shared
 * {@code schema-subset.json} plus a few endpoints converted from {@code apidata.json}. Loaded once per JVM.
 */
public final class ApiSchema {
    private static final String RESOURCE = "/dev/proxmoxmpc/plugin/simulator/pve-schema.json";
    /** Further endpoints in the same shape, one file per area (so areas do not all edit the one-line main file). */
    private static final java.util.List<String> MORE = java.util.List.of("/dev/proxmoxmpc/plugin/simulator/pve-schema-access.json");
    private static volatile ApiSchema instance;

    private final Map<String, Endpoint> endpoints = new HashMap<>();

    private ApiSchema(JsonNode root) {
        add(root);
    }

    private void add(JsonNode root) {
        for (JsonNode e : root.get("endpoints")) {
            Endpoint ep = new Endpoint(e);
            endpoints.put(ep.method() + " " + ep.path(), ep);
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ApiSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new ObjectMapper().readTree(in);
        }
    }

    /** @return the schema bundled with the plugin. */
    public static ApiSchema bundled() {
        ApiSchema s = instance;
        if (s == null) {
            synchronized (ApiSchema.class) {
                if (instance == null) {
                    try {
                        ApiSchema schema = new ApiSchema(read(RESOURCE));
                        for (String more : MORE) {
                            schema.add(read(more));
                        }
                        instance = schema;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                }
                s = instance;
            }
        }
        return s;
    }

    /** @return the endpoint for a method and path template ({@code /nodes/{node}/qemu}). */
    public Optional<Endpoint> endpoint(String method, String template) {
        return Optional.ofNullable(endpoints.get(method + " " + template));
    }

    /** @return the endpoint, or an error naming it (a programming error in the simulator). */
    public Endpoint require(String method, String template) {
        return endpoint(method, template).orElseThrow(
                () -> new IllegalStateException("no schema for " + method + " " + template));
    }
}
