package dev.proxmoxmpc.kernel.console;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * JSON for {@code --json}: pretty, records in component order, map keys sorted, {@code java.time} as ISO
 * strings, {@code Optional} unwrapped (empty = null), paths as plain strings.
 */
public final class JsonRenderer {
    private static volatile ObjectMapper mapper;

    private JsonRenderer() {}

    /** @return {@code value} as pretty JSON, without a trailing newline. */
    public static String render(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            synchronized (JsonRenderer.class) {
                if (mapper == null) {
                    mapper = create();
                }
                m = mapper;
            }
        }
        return m;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ObjectMapper create() {
        SimpleModule module = new SimpleModule("proxmox-mpc");
        module.addSerializer((Class) Optional.class, new OptionalSerializer());
        module.addSerializer(Path.class, new PathSerializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(module)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"unchecked", "rawtypes"})
        OptionalSerializer() {
            super((Class) Optional.class);
        }

        @Override
        public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                provider.defaultSerializeValue(value.get(), gen);
            } else {
                gen.writeNull();
            }
        }
    }

    private static final class PathSerializer extends StdSerializer<Path> {
        private static final long serialVersionUID = 1L;

        PathSerializer() {
            super(Path.class);
        }

        @Override
        public void serialize(Path value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }
}
