package dev.proxmoxmpc.kernel.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The kernel's one YAML configuration, for every file it reads and writes ({@code config.yml}, {@code secrets.yml},
 * {@code ~/.proxmox-mpc/workspaces.yml}): no {@code ---} document marker, quotes only where YAML needs them, and an
 * unknown key or a fraction where a whole number belongs is an error rather than silently dropped.
 */
public final class Yaml {
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private Yaml() {}

    /** @return the shared mapper; thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
