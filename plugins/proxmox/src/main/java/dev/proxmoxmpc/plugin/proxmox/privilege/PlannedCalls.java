package dev.proxmoxmpc.plugin.proxmox.privilege;

import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes {@code ChangeExecutor} makes for a change, without making them: the same calls and parameters, so the
 * pre-apply check asks for the privileges the apply will need. Reads (config, status) need only audit privileges
 * and are left out.
 */
final class PlannedCalls {
    private static final String GUEST = "/nodes/{node}/{type}";
    private static final String ONE = GUEST + "/{vmid}";

    private PlannedCalls() {
    }

    static List<PlannedCall> of(Change c) {
        ResourceRef ref = c.target();
        return switch (ref.type()) {
            case VM, CONTAINER -> guest(c, ref.type() == ResourceRef.Type.VM ? "qemu" : "lxc");
            case NETWORK -> network(c);
            case STORAGE -> storage(c);
            case POOL -> pool(c);
            case OBJECT -> ObjectCalls.of(c);
        };
    }

    private static List<PlannedCall> guest(Change c, String type) {
        List<PlannedCall> calls = new ArrayList<>();
        Map<String, String> base = params("node", c.target().node(), "type", type, "vmid", c.target().id());
        switch (c.action()) {
            case CREATE -> {
                String template = c.option(Change.OPT_CLONE_FROM);
                if (template.isEmpty()) {
                    Map<String, String> p = with(base, c.settings());
                    if (type.equals("lxc") && !c.option(Change.OPT_STORAGE).isEmpty()) {
                        p.putIfAbsent("storage", c.option(Change.OPT_STORAGE));
                    }
                    calls.add(call(c, "POST", GUEST, p));
                } else {
                    calls.addAll(cloneThenConfigure(c, type, template));
                }
                if (c.option(Change.OPT_START).equals("1")) {
                    calls.add(call(c, "POST", ONE + "/status/{action}", with(base, Map.of("action", "start"))));
                }
            }
            case CLONE -> calls.addAll(cloneThenConfigure(c, type, c.option(Change.OPT_SOURCE)));
            case UPDATE -> calls.addAll(update(c, base, c.settings(), c.deletions()));
            case DELETE -> calls.add(call(c, "DELETE", ONE, base));
            case MIGRATE -> {
                Map<String, String> p = with(base, Map.of("target", c.option(Change.OPT_TARGET_NODE)));
                if (!c.option(Change.OPT_STORAGE).isEmpty()) {
                    p.put(type.equals("qemu") ? "targetstorage" : "target-storage", c.option(Change.OPT_STORAGE));
                }
                calls.add(call(c, "POST", ONE + "/migrate", p));
            }
            case START, STOP, SHUTDOWN -> calls.add(call(c, "POST", ONE + "/status/{action}",
                    with(base, Map.of("action", c.action().name().toLowerCase(java.util.Locale.ROOT)))));
            case RESIZE -> calls.add(call(c, "PUT", ONE + "/resize", with(base, Map.of("disk", c.option(Change.OPT_DISK)))));
            case SNAPSHOT -> calls.add(call(c, "POST", ONE + "/snapshot", with(base, Map.of("snapname", c.option(Change.OPT_SNAPSHOT)))));
            case ROLLBACK -> calls.add(call(c, "POST", ONE + "/snapshot/{snapname}/rollback",
                    with(base, Map.of("snapname", c.option(Change.OPT_SNAPSHOT)))));
            case BACKUP -> {
                Map<String, String> p = params("node", c.target().node(), "vmid", c.target().id());
                if (!c.option(Change.OPT_STORAGE).isEmpty()) {
                    p.put("storage", c.option(Change.OPT_STORAGE));
                }
                calls.add(call(c, "POST", "/nodes/{node}/vzdump", p));
            }
            case RESTORE -> {
                Map<String, String> p = with(base, c.settings());
                p.put(type.equals("qemu") ? "archive" : "ostemplate", c.option(Change.OPT_ARCHIVE));
                if (type.equals("lxc")) {
                    p.put("restore", "1");
                }
                if (!c.option(Change.OPT_STORAGE).isEmpty()) {
                    p.put("storage", c.option(Change.OPT_STORAGE));
                }
                calls.add(call(c, "POST", GUEST, p));
            }
        }
        return calls;
    }

    private static List<PlannedCall> cloneThenConfigure(Change c, String type, String source) {
        Map<String, String> settings = new LinkedHashMap<>(c.settings());
        Map<String, String> p = params("node", c.target().node(), "type", type, "vmid", source, "newid", c.target().id());
        String nameKey = type.equals("qemu") ? "name" : "hostname";
        if (settings.containsKey(nameKey)) {
            p.put(nameKey, settings.remove(nameKey));
        }
        if (settings.containsKey("pool")) {
            p.put("pool", settings.remove("pool"));
        }
        if (!c.option(Change.OPT_STORAGE).isEmpty() && !"0".equals(c.option(Change.OPT_FULL))) {
            p.put("storage", c.option(Change.OPT_STORAGE));
        }
        List<PlannedCall> calls = new ArrayList<>();
        calls.add(call(c, "POST", ONE + "/clone", p));
        if (!settings.isEmpty()) {
            calls.addAll(update(c, params("node", c.target().node(), "type", type, "vmid", c.target().id()), settings, List.of()));
        }
        return calls;
    }

    private static List<PlannedCall> update(Change c, Map<String, String> base, Map<String, String> settings, List<String> deletions) {
        List<PlannedCall> calls = new ArrayList<>();
        Map<String, String> p = with(base, settings);
        String pool = p.remove("pool");
        List<String> del = deletions.stream().filter(k -> !k.equals("pool")).toList();
        if (!del.isEmpty()) {
            p.put("delete", String.join(",", del));
        }
        if (p.size() > base.size()) {
            calls.add(call(c, "PUT", ONE + "/config", p));
        }
        if (pool != null && !pool.isEmpty()) {
            calls.add(call(c, "PUT", "/pools", params("poolid", pool, "vms", c.target().id())));
        }
        return calls;
    }

    private static List<PlannedCall> network(Change c) {
        Map<String, String> p = with(params("node", c.target().node(), "iface", c.target().id()), c.settings());
        PlannedCall write = switch (c.action()) {
            case CREATE -> call(c, "POST", "/nodes/{node}/network", p);
            case DELETE -> call(c, "DELETE", "/nodes/{node}/network/{iface}", p);
            default -> call(c, "PUT", "/nodes/{node}/network/{iface}", p);
        };
        return List.of(write, call(c, "PUT", "/nodes/{node}/network", params("node", c.target().node())));
    }

    private static List<PlannedCall> storage(Change c) {
        Map<String, String> p = with(params("storage", c.target().id()), c.settings());
        return List.of(switch (c.action()) {
            case CREATE -> call(c, "POST", "/storage", p);
            case DELETE -> call(c, "DELETE", "/storage/{storage}", p);
            default -> call(c, "PUT", "/storage/{storage}", p);
        });
    }

    private static List<PlannedCall> pool(Change c) {
        Map<String, String> p = with(params("poolid", c.target().id()), c.settings());
        return List.of(call(c, c.action() == ChangeAction.CREATE ? "POST" : c.action() == ChangeAction.DELETE ? "DELETE" : "PUT", "/pools", p));
    }

    private static PlannedCall call(Change c, String method, String template, Map<String, String> params) {
        return new PlannedCall(method, template, params, c.summary().isEmpty() ? c.action() + " " + c.target() : c.summary());
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.putAll(more);
        return m;
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
