package dev.proxmoxmpc.plugin.simulator.sdn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PVE's SDN configuration: the edited sections ({@code /etc/pve/sdn/zones.cfg}, {@code vnets.cfg}, {@code subnets.cfg})
 * and the running configuration ({@code /etc/pve/sdn/.running-config}) that {@code PUT /cluster/sdn} copies them to.
 * Each section is an id and its keys as strings ({@code dhcp-range} a list of strings), {@code type} included.
 */
final class SdnConfig {
    static final List<String> SECTIONS = List.of("zones", "vnets", "subnets");

    private final Map<String, TreeMap<String, Map<String, Object>>> edited = new LinkedHashMap<>();
    private Map<String, TreeMap<String, Map<String, Object>>> running = new LinkedHashMap<>();
    private int version;

    SdnConfig() {
        for (String s : SECTIONS) {
            edited.put(s, new TreeMap<>());
            running.put(s, new TreeMap<>());
        }
    }

    /** @return the edited sections of a file (changed in place by the API) */
    TreeMap<String, Map<String, Object>> edited(String section) {
        return edited.get(section);
    }

    /** @return the running sections of a file (read only) */
    TreeMap<String, Map<String, Object>> running(String section) {
        return running.get(section);
    }

    /** Commits the edited configuration as the running one. */
    void commit() {
        running = copy(edited);
        version++;
    }

    int version() {
        return version;
    }

    /** @return the SHA-1 of a file's edited content, as PVE's section config digest */
    String digest(String section) {
        StringBuilder text = new StringBuilder();
        edited.get(section).forEach((id, keys) -> {
            text.append(keys.get("type")).append(": ").append(id).append('\n');
            new TreeMap<>(keys).forEach((k, v) -> {
                if (!k.equals("type")) {
                    text.append('\t').append(k).append(' ').append(v).append('\n');
                }
            });
            text.append('\n');
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, TreeMap<String, Map<String, Object>>> copy(Map<String, TreeMap<String, Map<String, Object>>> from) {
        Map<String, TreeMap<String, Map<String, Object>>> out = new LinkedHashMap<>();
        from.forEach((s, ids) -> {
            TreeMap<String, Map<String, Object>> c = new TreeMap<>();
            ids.forEach((id, keys) -> c.put(id, new LinkedHashMap<>(keys)));
            out.put(s, c);
        });
        return out;
    }
}
