package dev.proxmoxmpc.plugin.proxmox.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.task.Upid;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Changes to VMs and containers, on {@code /nodes/{node}/qemu|lxc/{vmid}}. */
final class GuestChanges {
    /** A disk value that allocates a new volume: {@code local-lvm:32} (storage:size-in-GiB). */
    private static final Pattern ALLOCATION = Pattern.compile("^[A-Za-z][\\w.-]*:\\d+(\\.\\d+)?$");

    /** How long an HA-managed guest may take to reach the requested state. */
    private static final Duration HA_WAIT = Duration.ofMinutes(5);

    private final Writes w;
    private final Change c;
    private final ResourceRef ref;
    private final boolean qemu;
    private final String type;

    GuestChanges(Writes writes, Change change) {
        this.w = writes;
        this.c = change;
        this.ref = change.target();
        this.qemu = ref.type() == ResourceRef.Type.VM;
        this.type = qemu ? "qemu" : "lxc";
    }

    void run() {
        switch (c.action()) {
            case CREATE -> create();
            case UPDATE -> update(c.settings(), c.option(Change.OPT_DIGEST), c.deletions());
            case DELETE -> delete();
            case CLONE -> cloneFrom(c.option(Change.OPT_SOURCE));
            case MIGRATE -> migrate();
            case START, STOP, SHUTDOWN -> power(c.action().name().toLowerCase(Locale.ROOT));
            case RESIZE -> resize();
            case SNAPSHOT -> w.write("snapshot " + ref, "POST", base() + "/snapshot", params("snapname", require(Change.OPT_SNAPSHOT)));
            case ROLLBACK -> w.write("rollback " + ref, "POST", base() + "/snapshot/" + require(Change.OPT_SNAPSHOT) + "/rollback", Map.of());
            case BACKUP -> backup();
            case RESTORE -> restore();
        }
    }

    private String base() {
        return "/nodes/" + ref.node() + "/" + type + "/" + ref.id();
    }

    private void create() {
        String template = c.option(Change.OPT_CLONE_FROM);
        if (!template.isEmpty()) {
            cloneFrom(template);
            if (c.option(Change.OPT_START).equals("1")) {
                power("start");
            }
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", ref.id());
        p.putAll(c.settings());
        if (!qemu && !c.option(Change.OPT_STORAGE).isEmpty()) {
            p.putIfAbsent("storage", c.option(Change.OPT_STORAGE));
        }
        w.progress().message("creating " + ref);
        w.write("create " + ref, "POST", "/nodes/" + ref.node() + "/" + type, p);
        if (c.option(Change.OPT_START).equals("1")) {
            power("start");
        }
    }

    /** Clone {@code source} to the target VMID, then set the remaining settings. */
    private void cloneFrom(String source) {
        if (source.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " " + ref + ": no source VMID given");
        }
        String sourceNode = Locator.node(w.client(), source);
        Map<String, String> settings = new LinkedHashMap<>(c.settings());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("newid", ref.id());
        if (!ref.node().isEmpty() && !ref.node().equals(sourceNode)) {
            p.put("target", ref.node());
        }
        String nameKey = qemu ? "name" : "hostname";
        if (settings.containsKey(nameKey)) {
            p.put(nameKey, settings.remove(nameKey));
        }
        if (settings.containsKey("pool")) {
            p.put("pool", settings.remove("pool"));
        }
        String full = c.option(Change.OPT_FULL);
        if (!full.isEmpty()) {
            p.put("full", full);
        }
        if (!c.option(Change.OPT_STORAGE).isEmpty() && !"0".equals(full)) {
            p.put("storage", c.option(Change.OPT_STORAGE));
        }
        w.progress().message("cloning " + source + " -> " + ref.id());
        w.write("clone " + source + " -> " + ref.id(), "POST", "/nodes/" + sourceNode + "/" + type + "/" + source + "/clone", p);
        if (!settings.isEmpty()) {
            update(settings, "", List.of());
        }
    }

    private void update(Map<String, String> settings, String digest, List<String> deletions) {
        Map<String, String> p = new LinkedHashMap<>(settings);
        String pool = p.remove("pool");
        boolean dropPool = deletions.contains("pool");
        List<String> del = deletions.stream().filter(k -> !k.equals("pool")).toList();
        if (!del.isEmpty()) {
            p.put("delete", String.join(",", del));
        }
        if (!digest.isEmpty()) {
            p.put("digest", digest);
        }
        if (p.size() > (digest.isEmpty() ? 0 : 1)) {
            boolean task = qemu && settings.entrySet().stream().anyMatch(e -> allocates(e.getKey(), e.getValue()));
            w.progress().message("updating " + ref + " config");
            w.write("update " + ref, task ? "POST" : "PUT", base() + "/config", p);
        }
        if (pool != null && !pool.isEmpty()) {
            w.write("move " + ref + " to pool " + pool, "PUT", "/pools", params("poolid", pool, "vms", ref.id(), "allow-move", "1"));
        } else if (dropPool) {
            String current = Locator.pool(w.client(), ref.id());
            if (!current.isEmpty()) {
                w.write("remove " + ref + " from pool " + current, "PUT", "/pools",
                        params("poolid", current, "vms", ref.id(), "delete", "1"));
            }
        }
    }

    private static boolean allocates(String key, String value) {
        if (!Disk.SLOT.matcher(key).matches()) {
            return false;
        }
        return PropertyString.parse(value).positional().map(v -> ALLOCATION.matcher(v).matches()).orElse(false);
    }

    private void delete() {
        JsonNode config = w.client().get(base() + "/config");
        JsonNode status = w.client().get(base() + "/status/current");
        boolean force = c.option(Change.OPT_FORCE).equals("1");
        boolean purge = c.option(Change.OPT_PURGE).equals("1");
        boolean protect = PropertyString.truthy(Json.string(config, "protection").isEmpty() ? "0" : Json.string(config, "protection"));
        if (protect && !force) {
            throw new ProviderException(ProviderException.Kind.INVALID, ref + " is protected (protection=1): "
                    + "remove the protection first or delete with --force");
        }
        if (!purge && Json.longValue(status.path("ha"), "managed", 0) == 1) {
            throw new ProviderException(ProviderException.Kind.INVALID, ref + " is HA-managed: PVE deletes it only with purge,"
                    + " which also removes its HA resource; delete it with purge or take it out of HA first");
        }
        if (protect) {
            w.write("unprotect " + ref, "PUT", base() + "/config", params("delete", "protection"));
        }
        if (Json.string(status, "status").equals("running")) {
            w.progress().message("stopping " + ref + " before deleting it");
            send("stop");
        }
        Map<String, String> p = new LinkedHashMap<>();
        if (purge) {
            p.put("purge", "1");
            p.put("destroy-unreferenced-disks", "1");
        }
        w.progress().message("deleting " + ref);
        w.write("delete " + ref, "DELETE", base(), p);
    }

    private boolean running() {
        return Json.string(w.client().get(base() + "/status/current"), "status").equals("running");
    }

    private void migrate() {
        String target = require(Change.OPT_TARGET_NODE);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("target", target);
        if (running()) {
            p.put(qemu ? "online" : "restart", "1");
        }
        if (!c.option(Change.OPT_STORAGE).isEmpty()) {
            p.put(qemu ? "targetstorage" : "target-storage", c.option(Change.OPT_STORAGE));
        }
        w.progress().message("migrating " + ref + " to " + target);
        w.write("migrate " + ref + " to " + target, "POST", base() + "/migrate", p);
    }

    private void power(String action) {
        w.progress().message(action + " " + ref);
        send(action);
    }

    /** {@code POST .../status/{action}}; for an HA-managed guest, then waits until the HA manager has done it. */
    private void send(String action) {
        w.write(action + " " + ref, "POST", base() + "/status/" + action, Map.of());
        String upid = w.lastUpid();
        if (Upid.looksLike(upid) && Upid.parse(upid).type().startsWith("ha")) {
            awaitHaState(action.equals("start") ? "running" : "stopped");
        }
    }

    /** An HA-managed guest gets a short hastart/hastop task that only asks the HA manager: wait for the real state. */
    private void awaitHaState(String wanted) {
        w.progress().message(ref + " is HA-managed: waiting for the HA manager to make it " + wanted);
        long deadline = System.nanoTime() + HA_WAIT.toNanos();
        long sleep = 100;
        while (!Json.string(w.client().get(base() + "/status/current"), "status").equals(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new ProviderException(ProviderException.Kind.SERVER, ref + " is HA-managed and not " + wanted + " after "
                        + HA_WAIT.toSeconds() + " s; check 'ha-manager status' on the cluster");
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.CONNECTION, "interrupted while waiting for the HA manager", e);
            }
            sleep = Math.min(2000, sleep * 2);
        }
    }

    private void resize() {
        Map<String, String> p = params("disk", require(Change.OPT_DISK), "size", require(Change.OPT_SIZE));
        if (!c.option(Change.OPT_DIGEST).isEmpty()) {
            p.put("digest", c.option(Change.OPT_DIGEST));
        }
        w.write("resize " + ref, "PUT", base() + "/resize", p);
    }

    private void backup() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", ref.id());
        p.put("mode", "snapshot");
        if (!c.option(Change.OPT_STORAGE).isEmpty()) {
            p.put("storage", c.option(Change.OPT_STORAGE));
        }
        p.putAll(c.settings());
        w.progress().message("backing up " + ref);
        w.write("backup " + ref, "POST", "/nodes/" + ref.node() + "/vzdump", p);
    }

    private void restore() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", ref.id());
        if (qemu) {
            p.put("archive", require(Change.OPT_ARCHIVE));
        } else {
            p.put("ostemplate", require(Change.OPT_ARCHIVE));
            p.put("restore", "1");
        }
        if (!c.option(Change.OPT_STORAGE).isEmpty()) {
            p.put("storage", c.option(Change.OPT_STORAGE));
        }
        if (c.option(Change.OPT_FORCE).equals("1")) {
            p.put("force", "1"); // overwrite an existing guest with this VMID
        }
        p.putAll(c.settings());
        w.progress().message("restoring " + ref + " from " + c.option(Change.OPT_ARCHIVE));
        w.write("restore " + ref, "POST", "/nodes/" + ref.node() + "/" + type, p);
    }

    private String require(String option) {
        String v = c.option(option);
        if (v.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.INVALID, c.action() + " " + ref + ": option '" + option + "' is required");
        }
        return v;
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
