package dev.proxmoxmpc.plugin.simulator.sdn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * How {@code GET /cluster/sdn/...} shows sections, as PVE's {@code api_sdn_*_config} and {@code pending_config} do:
 * the edited config with the file's {@code digest}; {@code running=1} the running config (no digest);
 * {@code pending=1} the running values with the edited ones that differ under {@code pending} and a {@code state}
 * of {@code new}, {@code changed} or {@code deleted}. Integers and booleans are JSON numbers.
 */
final class SdnViews {
    private static final Set<String> NUMBERS = Set.of("tag", "mtu", "vrf-vxlan", "vxlan-port", "dp-id", "vlanaware",
            "isolate-ports", "snat", "advertise-subnets", "bridge-disable-mac-learning", "disable-arp-nd-suppression",
            "exitnodes-local-routing");
    /** Keys pending_config always shows with their edited value. */
    private static final Set<String> IDENTITY = Set.of("type", "vnet");

    private SdnViews() {
    }

    /** The view a list or one GET asks for. */
    enum Mode { EDITED, RUNNING, PENDING }

    /** @return every section of a file in the mode, keyed by id */
    static Map<String, Map<String, Object>> sections(SdnConfig cfg, String section, Mode mode) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        switch (mode) {
            case EDITED -> {
                String digest = cfg.digest(section);
                cfg.edited(section).forEach((id, keys) -> {
                    Map<String, Object> m = shown(section, id, keys);
                    m.put("digest", digest);
                    out.put(id, m);
                });
            }
            case RUNNING -> cfg.running(section).forEach((id, keys) -> out.put(id, shown(section, id, keys)));
            case PENDING -> pending(cfg.running(section), cfg.edited(section)).forEach((id, keys) -> out.put(id, shown(section, id, keys)));
            default -> throw new IllegalStateException();
        }
        return out;
    }

    /** PVE's {@code pending_config}. */
    private static Map<String, Map<String, Object>> pending(Map<String, Map<String, Object>> running, Map<String, Map<String, Object>> edited) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        running.forEach((id, run) -> {
            Map<String, Object> conf = edited.get(id);
            Map<String, Object> p = new LinkedHashMap<>(run);
            Map<String, Object> pend = new TreeMap<>();
            if (conf == null) {
                p.put("state", "deleted");
            } else {
                run.forEach((k, v) -> {
                    if (!conf.containsKey(k)) {
                        pend.put(k, "deleted");
                        p.put("state", "changed");
                    }
                });
            }
            p.put("pending", pend);
            out.put(id, p);
        });
        edited.forEach((id, conf) -> {
            Map<String, Object> run = running.get(id);
            Map<String, Object> p = out.computeIfAbsent(id, k -> new LinkedHashMap<>(Map.of("pending", new TreeMap<>())));
            @SuppressWarnings("unchecked")
            Map<String, Object> pend = (Map<String, Object>) p.get("pending");
            conf.forEach((k, v) -> {
                if (IDENTITY.contains(k)) {
                    p.put(k, v);
                } else if (run == null || !Objects.equals(String.valueOf(run.get(k)), String.valueOf(v))) {
                    pend.put(k, v);
                }
            });
            if (run == null) {
                p.put("state", "new");
            } else if (!pend.isEmpty()) {
                p.put("state", "changed");
            }
        });
        out.values().forEach(p -> {
            if (!p.containsKey("state")) {
                p.remove("pending");
            }
        });
        return out;
    }

    /** @return the section with its id key, computed subnet keys, and typed values */
    static Map<String, Object> shown(String section, String id, Map<String, Object> keys) {
        Map<String, Object> m = new TreeMap<>();
        keys.forEach((k, v) -> m.put(k, k.equals("pending") ? typedAll(v) : typed(k, v)));
        switch (section) {
            case "zones" -> m.put("zone", id);
            case "vnets" -> m.put("vnet", id);
            default -> {
                m.put("subnet", id);
                String[] parts = id.split("-", 3);
                if (parts.length == 3) {
                    m.put("zone", parts[0]);
                    m.put("network", parts[1]);
                    m.put("mask", parts[2]);
                    m.put("cidr", parts[1] + "/" + parts[2]);
                }
            }
        }
        return m;
    }

    private static Object typedAll(Object pending) {
        Map<String, Object> out = new TreeMap<>();
        ((Map<?, ?>) pending).forEach((k, v) -> out.put(String.valueOf(k), typed(String.valueOf(k), v)));
        return out;
    }

    private static Object typed(String key, Object v) {
        if (NUMBERS.contains(key) && v instanceof String s && s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        return v instanceof List<?> l ? List.copyOf(l) : v;
    }
}
