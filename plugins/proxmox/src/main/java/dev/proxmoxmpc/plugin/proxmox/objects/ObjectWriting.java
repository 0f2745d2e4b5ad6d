package dev.proxmoxmpc.plugin.proxmox.objects;

import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the section-config families (jobs, HA) write alike: create by POST, update by PUT with {@code delete=}. */
final class ObjectWriting {
    private ObjectWriting() {
    }

    /** @return {@code update ha-rule/web} */
    static String what(Change c) {
        return c.action().name().toLowerCase(Locale.ROOT) + " " + c.target();
    }

    /**
     * Writes the change the usual way: CREATE posts {@code idKey} and the settings to {@code list}, UPDATE puts the
     * settings and {@code delete} to {@code item}, DELETE deletes {@code item}.
     *
     * @param fixed parameters every create sends ({@code type=local})
     */
    static void write(ObjectWrites w, Change c, String idKey, String list, String item, Map<String, String> fixed) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(idKey, c.target().objectId());
        switch (c.action()) {
            case CREATE -> {
                p.putAll(fixed);
                p.putAll(c.settings());
                w.write(what(c), "POST", list, p);
            }
            case UPDATE -> {
                p.putAll(c.settings());
                if (!c.deletions().isEmpty()) {
                    p.put("delete", String.join(",", c.deletions()));
                }
                w.write(what(c), "PUT", item, p);
            }
            case DELETE -> w.write(what(c), "DELETE", item, p);
            default -> throw new ProviderException(ProviderException.Kind.INVALID,
                    c.action() + " is not supported for " + c.target().objectKind());
        }
    }

    /**
     * @param current the path to read the object from
     * @throws ProviderException INVALID when an UPDATE would change a key PVE cannot change in place
     */
    static void refuseChange(ObjectWrites w, Change c, String current, String key, String how) {
        if (c.action() != ChangeAction.UPDATE || w.recording() || !c.settings().containsKey(key)) {
            return;
        }
        String had = Json.string(w.get(current), key);
        if (!had.isEmpty() && !had.equals(c.settings().get(key))) {
            throw new ProviderException(ProviderException.Kind.INVALID, c.target() + ": PVE cannot change the " + key
                    + " of an existing one (" + had + " to " + c.settings().get(key) + "); " + how);
        }
    }

    /**
     * Reads a section-config list ({@code /cluster/backup}, {@code /cluster/replication}, {@code /cluster/ha/resources}):
     * one object per entry, its id from {@code idKey}, every other key but the {@code computed} ones.
     *
     * @param skip   entries to leave out (a replication job marked for removal)
     * @param adjust the config before it becomes an object (property strings made canonical)
     */
    static List<ClusterObject> list(ObjectReads ctx, String path, String kind, String idKey, Set<String> computed,
                                    java.util.function.Predicate<Map<String, String>> skip,
                                    java.util.function.Consumer<Map<String, String>> adjust) {
        List<ClusterObject> out = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode entry : ctx.get(path)) {
            Map<String, String> config = new java.util.TreeMap<>(Json.strings(entry));
            if (skip.test(config)) {
                continue;
            }
            computed.forEach(config::remove);
            adjust.accept(config);
            out.add(new ClusterObject(kind, "", Json.string(entry, idKey), config));
        }
        return out;
    }
}
