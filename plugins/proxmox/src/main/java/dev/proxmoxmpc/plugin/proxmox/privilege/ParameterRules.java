package dev.proxmoxmpc.plugin.proxmox.privilege;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The facts' per-parameter rules ({@code each}) applied to a planned call's parameters. */
final class ParameterRules {
    private static final Pattern NEW_VOLUME = Pattern.compile("([A-Za-z][\\w.-]*):\\d+(\\.\\d+)?");
    private static final Pattern TEMPLATE = Pattern.compile("([A-Za-z][\\w.-]*):(iso|vztmpl)/.+");
    private static final Pattern REPLICATION = Pattern.compile("(\\d+)-\\d+");
    private static final Pattern ARCHIVE = Pattern.compile("([A-Za-z][\\w.-]*):backup/vzdump-(?:qemu|lxc)-(\\d+)-.+");

    private ParameterRules() {
    }

    static List<Requirement> apply(String rule, PlannedCall call, JsonNode groups) {
        Map<String, String> p = call.params();
        Set<Requirement> out = new LinkedHashSet<>();
        switch (rule) {
            case "config-options" -> {
                List<String> keys = new ArrayList<>(p.keySet());
                keys.addAll(list(p.get("delete")));
                for (String key : keys) {
                    group(key, groups).ifPresent(g -> {
                        String value = p.getOrDefault(key, "");
                        String priv = g.has("cdrom") && PropertyString.parse(value).getOrEmpty("media").equals("cdrom")
                                ? g.path("cdrom").asText() : g.path("privilege").asText();
                        out.add(new Requirement("/vms/" + p.get("vmid"), List.of(priv.split("\\|")), g.path("any").asBoolean(false), call.change()));
                    });
                }
            }
            case "bridges" -> p.forEach((k, v) -> {
                if (k.matches("net\\d+")) {
                    PropertyString nic = PropertyString.parse(v);
                    String bridge = nic.getOrEmpty("bridge");
                    String tag = nic.getOrEmpty("tag");
                    if (!bridge.isEmpty()) {
                        out.add(new Requirement("/sdn/zones/localnetwork/" + bridge + (tag.isEmpty() ? "" : "/" + tag),
                                List.of("SDN.Use"), false, call.change()));
                    }
                }
            });
            case "new-volumes" -> volumes(p, groups).forEach(v -> match(NEW_VOLUME, v).ifPresent(m ->
                    out.add(new Requirement("/storage/" + m.group(1), List.of("Datastore.AllocateSpace"), false, call.change()))));
            case "templates" -> {
                List<String> vols = volumes(p, groups);
                vols.add(p.getOrDefault("ostemplate", ""));
                vols.forEach(v -> match(TEMPLATE, v).ifPresent(m -> out.add(new Requirement("/storage/" + m.group(1),
                        List.of("Datastore.AllocateSpace", "Datastore.Audit"), true, call.change()))));
            }
            case "pool-members" -> list(p.get("vms")).forEach(id -> out.add(new Requirement("/vms/" + id,
                    List.of("Permissions.Modify", "VM.Allocate"), true, call.change())));
            case "backup-guests" -> list(p.get("vmid")).forEach(id -> out.add(new Requirement("/vms/" + id,
                    List.of("VM.Backup"), false, call.change())));
            case "replication-guest" -> match(REPLICATION, p.getOrDefault("id", "")).ifPresent(m -> out.add(new Requirement(
                    "/vms/" + m.group(1), List.of("VM.Replicate"), false, call.change())));
            case "backup-archive" -> match(ARCHIVE, p.getOrDefault("archive", p.getOrDefault("ostemplate", ""))).ifPresent(m -> {
                out.add(new Requirement("/storage/" + m.group(1), List.of("Datastore.AllocateSpace"), false, call.change()));
                out.add(new Requirement("/vms/" + m.group(2), List.of("VM.Backup"), false, call.change()));
            });
            default -> throw new IllegalStateException("unknown rule '" + rule + "' in the privilege facts");
        }
        return List.copyOf(out);
    }

    private static java.util.Optional<JsonNode> group(String key, JsonNode groups) {
        for (JsonNode g : groups) {
            if (key.matches(g.path("match").asText())) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> volumes(Map<String, String> p, JsonNode groups) {
        List<String> out = new ArrayList<>();
        p.forEach((k, v) -> group(k, groups).filter(g -> g.path("privilege").asText().equals("VM.Config.Disk")).ifPresent(g -> {
            PropertyString disk = PropertyString.parse(v);
            out.add(disk.get("file").or(() -> disk.get("volume")).or(disk::positional).orElse(""));
        }));
        return out;
    }

    private static java.util.Optional<Matcher> match(Pattern pattern, String value) {
        Matcher m = pattern.matcher(value);
        return m.matches() ? java.util.Optional.of(m) : java.util.Optional.empty();
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.split("[,;\\s]+"));
    }
}
