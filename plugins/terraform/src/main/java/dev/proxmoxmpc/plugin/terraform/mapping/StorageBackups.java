package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A storage's retention ({@code prune-backups=keep-last=3,keep-daily=7}, {@code max-protected-backups}) as the
 * provider's {@code backups} block. The block is optional and not computed: the provider only manages retention when
 * the block is there, so it is written only when the storage sets retention, and a missing block changes nothing.
 */
final class StorageBackups {
    /** Block attribute -> prune-backups option, in the order PVE writes them. */
    private static final Map<String, String> KEEP = new LinkedHashMap<>();
    static final Set<String> ATTRIBUTES = Set.of("keep_all", "keep_last", "keep_hourly", "keep_daily", "keep_weekly",
            "keep_monthly", "keep_yearly", "max_protected_backups");

    static {
        for (String k : List.of("all", "last", "hourly", "daily", "weekly", "monthly", "yearly")) {
            KEEP.put("keep_" + k, "keep-" + k);
        }
    }

    private StorageBackups() {}

    static void toHcl(Map<String, String> config, HclBlock resource) {
        Map<String, String> prune = prune(config.get("prune-backups"));
        String max = config.get("max-protected-backups");
        if (prune.isEmpty() && (max == null || max.isBlank())) {
            return;
        }
        HclBlock b = resource.block("backups");
        // keep_all defaults to false: written only when set
        b.attr("keep_all", "1".equals(prune.get("keep-all")) ? Boolean.TRUE : null);
        KEEP.forEach((attr, option) -> {
            if (!attr.equals("keep_all")) {
                b.attr(attr, Pve.num(prune.get(option)));
            }
        });
        b.attr("max_protected_backups", Pve.num(max));
    }

    /** Lays the block over the config; a value that means the same as the base's keeps its spelling. */
    static void read(HclBlock b, Map<String, String> config) {
        Map<String, String> wanted = new LinkedHashMap<>();
        KEEP.forEach((attr, option) -> {
            Object v = b.get(attr);
            if (attr.equals("keep_all")) {
                if (Boolean.TRUE.equals(v)) {
                    wanted.put(option, "1");
                }
            } else if (v != null && v != Unknown.VALUE) {
                wanted.put(option, Pve.text(v));
            }
        });
        if (!wanted.equals(prune(config.get("prune-backups")))) {
            StringBuilder sb = new StringBuilder();
            wanted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
            put(config, "prune-backups", sb.toString());
        }
        Object max = b.get("max_protected_backups");
        if (max != Unknown.VALUE && !Pve.text(max).equals(config.getOrDefault("max-protected-backups", ""))) {
            put(config, "max-protected-backups", Pve.text(max));
        }
    }

    /** @return the options of a prune-backups value in PVE's order, {@code keep-all=0} left out. */
    private static Map<String, String> prune(String v) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String part : Pve.list(v, ",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                parsed.put(kv[0].trim(), kv[1].trim());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String option : KEEP.values()) {
            String value = parsed.get(option);
            if (value != null && !(option.equals("keep-all") && !value.equals("1"))) {
                out.put(option, value);
            }
        }
        return out;
    }

    private static void put(Map<String, String> config, String key, String text) {
        if (text.isEmpty()) {
            config.remove(key);
        } else {
            config.put(key, text);
        }
    }
}
