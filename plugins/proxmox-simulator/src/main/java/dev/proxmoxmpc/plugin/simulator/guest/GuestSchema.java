package dev.proxmoxmpc.plugin.simulator.guest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.schema.ApiSchema;
import dev.proxmoxmpc.plugin.simulator.schema.Endpoint;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Which config keys a guest kind has and how each is typed, from the schema of {@code PUT .../config}. */
public final class GuestSchema {
    private static final Pattern QEMU_DISK = Pattern.compile("(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0");
    private static final Pattern LXC_DISK = Pattern.compile("rootfs|mp\\d+");
    private static final Pattern NET = Pattern.compile("net\\d+");
    private static final Pattern UNUSED = Pattern.compile("unused\\d+");
    private static final Map<String, Endpoint> CONFIG = new ConcurrentHashMap<>();

    private GuestSchema() {
    }

    public static Endpoint config(String kind) {
        return CONFIG.computeIfAbsent(kind, k -> ApiSchema.bundled().require("PUT", "/nodes/{node}/" + k + "/{vmid}/config"));
    }

    public static Optional<JsonNode> key(String kind, String key) {
        return config(kind).parameter(key);
    }

    public static boolean isDisk(String kind, String key) {
        return (kind.equals("qemu") ? QEMU_DISK : LXC_DISK).matcher(key).matches();
    }

    public static boolean isNet(String key) {
        return NET.matcher(key).matches();
    }

    public static boolean isUnused(String key) {
        return UNUSED.matcher(key).matches();
    }

    /** @return whether the wire carries this key as a JSON number (integer and boolean types), else a string. */
    public static boolean numeric(String kind, String key) {
        if (key.equals("template") || key.equals("snaptime") || key.equals("vmstate")) {
            return true;
        }
        return key(kind, key).map(s -> {
            String t = s.path("type").asText();
            return t.equals("integer") || t.equals("boolean");
        }).orElse(false);
    }
}
