package dev.proxmoxmpc.plugin.simulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.simulator.auth.CodeChecks.Need;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-parameter rules of the privilege facts ({@code each}), read off a request's parameters: the option groups
 * of {@code check_vm_modify_config_perm}, {@code check_bridge_access}, {@code check_storage_access},
 * {@code check_volume_access}, pool members and vzdump guests.
 */
final class Rules {
    private static final Pattern NEW_VOLUME = Pattern.compile("^([A-Za-z][\\w.-]*):(\\d+(\\.\\d+)?)$");
    private static final Pattern TEMPLATE = Pattern.compile("^([A-Za-z][\\w.-]*):(iso|vztmpl)/.+$");
    private static final Pattern ARCHIVE = Pattern.compile("^([A-Za-z][\\w.-]*):backup/vzdump-(qemu|lxc)-(\\d+)-.+$");
    private static final Pattern NIC = Pattern.compile("^net\\d+$");

    private Rules() {
    }

    static List<Need> each(String rule, String kind, Map<String, String> params, JsonNode groups) {
        Set<Need> needs = new LinkedHashSet<>();
        switch (rule) {
            case "config-options" -> configOptions(params, groups, needs);
            case "bridges" -> params.forEach((k, v) -> {
                if (NIC.matcher(k).matches()) {
                    String bridge = part(v, "bridge");
                    String tag = part(v, "tag");
                    if (!bridge.isEmpty()) {
                        String path = "/sdn/zones/localnetwork/" + bridge + (tag.isEmpty() ? "" : "/" + tag);
                        needs.add(new Need(path, List.of("SDN.Use"), false));
                    }
                }
            });
            case "new-volumes" -> volumes(params, groups).forEach(v -> {
                Matcher m = NEW_VOLUME.matcher(v);
                if (m.matches()) {
                    needs.add(new Need("/storage/" + m.group(1), List.of("Datastore.AllocateSpace"), false));
                }
            });
            case "templates" -> {
                List<String> vols = new ArrayList<>(volumes(params, groups));
                vols.add(params.getOrDefault("ostemplate", ""));
                for (String v : vols) {
                    Matcher m = TEMPLATE.matcher(v);
                    if (m.matches()) {
                        needs.add(new Need("/storage/" + m.group(1), List.of("Datastore.AllocateSpace", "Datastore.Audit"), true));
                    }
                }
            }
            case "pool-members" -> ids(params.get("vms")).forEach(id -> needs.add(new Need("/vms/" + id, List.of("Permissions.Modify", "VM.Allocate"), true)));
            case "backup-guests" -> ids(params.get("vmid")).forEach(id -> needs.add(new Need("/vms/" + id, List.of("VM.Backup"), false)));
            case "replication-guest" -> {
                String id = params.getOrDefault("id", "");
                if (id.matches("\\d+-\\d+")) {
                    needs.add(new Need("/vms/" + id.substring(0, id.indexOf('-')), List.of("VM.Replicate"), false));
                }
            }
            case "backup-archive" -> {
                Matcher m = ARCHIVE.matcher(params.getOrDefault("archive", params.getOrDefault("ostemplate", "")));
                if (m.matches()) {
                    needs.add(new Need("/storage/" + m.group(1), List.of("Datastore.AllocateSpace"), false));
                    needs.add(new Need("/vms/" + m.group(3), List.of("VM.Backup"), false));
                }
            }
            default -> throw new IllegalStateException("unknown privilege rule '" + rule + "' in the privilege facts");
        }
        return List.copyOf(needs);
    }

    private static void configOptions(Map<String, String> params, JsonNode groups, Set<Need> needs) {
        List<String> keys = new ArrayList<>(params.keySet());
        keys.addAll(ids(params.get("delete")));
        for (String key : keys) {
            for (JsonNode g : groups) {
                if (key.matches(g.path("match").asText())) {
                    String value = params.getOrDefault(key, "");
                    String priv = g.has("cdrom") && value.contains("media=cdrom") ? g.path("cdrom").asText() : g.path("privilege").asText();
                    needs.add(new Need("/vms/" + params.getOrDefault("vmid", ""), Arrays.asList(priv.split("\\|")), g.path("any").asBoolean(false)));
                    break;
                }
            }
        }
    }

    /** @return the volume of every disk option ({@code local-lvm:32} of {@code scsi0=local-lvm:32,ssd=1}) */
    private static List<String> volumes(Map<String, String> params, JsonNode groups) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : groups) {
            if (g.path("privilege").asText().equals("VM.Config.Disk")) {
                params.forEach((k, v) -> {
                    if (k.matches(g.path("match").asText())) {
                        String file = part(v, "file");
                        out.add(file.isEmpty() ? part(v, "volume") : file);
                    }
                });
            }
        }
        return out;
    }

    /** @return the value of {@code key} in a property string, or its first positional part for file/volume */
    static String part(String value, String key) {
        String[] parts = value.split(",");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(key)) {
                return p.substring(eq + 1);
            }
            if (i == 0 && eq < 0 && (key.equals("file") || key.equals("volume"))) {
                return p;
            }
        }
        return "";
    }

    private static List<String> ids(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }
}
