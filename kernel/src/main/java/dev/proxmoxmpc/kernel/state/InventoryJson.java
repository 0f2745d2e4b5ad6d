package dev.proxmoxmpc.kernel.state;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.StateException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of an {@link Inventory} and of single guests: the state store's raw columns and the snapshot
 * documents in {@code .proxmox/history/} use it. A guest carries {@code "kind": "qemu"} or {@code "lxc"}; config maps
 * are kept exactly (every value a string). Thread-safe.
 */
public final class InventoryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addMixIn(Guest.class, GuestMixin.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private InventoryJson() {}

    /** @return a mapper that knows the model's types (do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @return compact JSON of {@code inventory} */
    public static String write(Inventory inventory) {
        return toJson(inventory);
    }

    /** @return the inventory in {@code json} */
    public static Inventory read(String json) {
        return fromJson(json, Inventory.class);
    }

    /** @return compact JSON of one guest, with its kind */
    public static String writeGuest(Guest guest) {
        return toJson(guest);
    }

    public static Guest readGuest(String json) {
        return fromJson(json, Guest.class);
    }

    static String writeRuntime(GuestRuntime runtime) {
        return toJson(runtime);
    }

    static GuestRuntime readRuntime(String json) {
        return fromJson(json, GuestRuntime.class);
    }

    static String writeMap(Map<String, String> map) {
        return toJson(map);
    }

    /**
     * @return a stored map of texts (a config), read token by token: the state store reads thousands at a time, and
     * this is about twice as fast as binding; a one-line {@link StateException} when it is not such a map
     */
    static Map<String, String> readMap(String json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new StateException("stored Map JSON is unreadable: not an object");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (v == null || !v.isScalarValue() || v == JsonToken.VALUE_NULL) {
                    throw new StateException("stored Map JSON is unreadable: the value of '" + key + "' is not a text");
                }
                out.put(key, p.getText());
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new StateException("stored Map JSON is unreadable: not one object");
            }
            return out;
        } catch (IOException e) {
            throw new StateException("stored Map JSON is unreadable: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** @return compact JSON of any value of the model or state records */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** @return {@code json} read as {@code type}; a one-line {@link StateException} when it does not fit */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StateException("stored " + type.getSimpleName() + " JSON is unreadable: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = VirtualMachine.class, name = "qemu"),
            @JsonSubTypes.Type(value = Container.class, name = "lxc")})
    private interface GuestMixin {}
}
