package dev.proxmoxmpc.plugin.simulator.ha;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.schema.ApiSchema;
import dev.proxmoxmpc.plugin.simulator.schema.ValueChecker;
import dev.proxmoxmpc.plugin.simulator.state.ConfigText;
import dev.proxmoxmpc.plugin.simulator.state.HaResource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /etc/pve/ha/resources.cfg}: its text ({@code vm: 101} then one tab-indented line per option), its
 * {@code digest}, the options a resource may carry (those of the schema's {@code PUT /cluster/ha/resources/{sid}}),
 * and a resource as the API lists it (integer and boolean options as JSON numbers).
 */
public final class HaConfig {
    private static final String ITEM = "/cluster/ha/resources/{sid}";
    private static final Set<String> NOT_OPTIONS = Set.of("sid", "type", "digest", "delete");

    private HaConfig() {
    }

    /** @return the option names of a resource ({@code state}, {@code comment}, {@code max_restart}, ...). */
    public static Set<String> options() {
        Set<String> out = new TreeSet<>(ApiSchema.bundled().require("PUT", ITEM).namedParameters().keySet());
        out.removeAll(NOT_OPTIONS);
        return out;
    }

    /** @return the schema error of an option value (a scenario's), or {@code null} when it is valid. */
    public static String check(String key, String value) {
        Optional<JsonNode> schema = schema(key);
        if (schema.isEmpty() || NOT_OPTIONS.contains(key)) {
            return "not an HA resource option";
        }
        return ValueChecker.check(value, schema.get(), false);
    }

    /** @return the text of resources.cfg. */
    public static String render(Collection<HaResource> resources) {
        StringBuilder sb = new StringBuilder();
        for (HaResource r : resources) {
            sb.append(r.type).append(": ").append(r.vmid).append('\n');
            r.options.forEach((k, v) -> sb.append('\t').append(k).append(' ').append(v).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** @return the digest of resources.cfg (what {@code PUT} compares {@code digest} with). */
    public static String digest(Collection<HaResource> resources) {
        return ConfigText.sha1(render(resources));
    }

    /** @return a resource as {@code GET /cluster/ha/resources[/{sid}]} answers it. */
    public static Map<String, Object> entry(HaResource r, String digest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sid", r.sid());
        m.put("type", r.type);
        r.options.forEach((k, v) -> m.put(k, ApiSchema.bundled().require("PUT", ITEM).typedValue(k, v)));
        m.put("digest", digest);
        return m;
    }

    private static Optional<JsonNode> schema(String key) {
        return ApiSchema.bundled().require("PUT", ITEM).parameter(key);
    }
}
