package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * HA groups of PVE 8 ({@code /cluster/ha/groups}): kind {@code ha-group}, cluster-wide, id the group id. Config:
 * {@code nodes}, {@code restricted}, {@code nofailback}, {@code comment}; left out are {@code group}, {@code type}
 * (always {@code group}) and the file-wide {@code digest}. PVE 9 migrated groups into HA rules: groups are read only
 * from a PVE 8 (or older) server, never from PVE 9.
 */
final class HaGroups implements ObjectFamily {
    static final String KIND = "ha-group";
    private static final Set<String> COMPUTED = Set.of("group", "type", "digest");

    @Override
    public String name() {
        return "HA groups";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        if (ctx.major() == 0 || ctx.major() >= 9) {
            return List.of();
        }
        return List.of(ObjectRead.cluster(() -> {
            List<ClusterObject> out = new ArrayList<>();
            for (JsonNode g : ctx.get("/cluster/ha/groups")) {
                Map<String, String> config = new TreeMap<>(Json.strings(g));
                COMPUTED.forEach(config::remove);
                out.add(new ClusterObject(KIND, "", Json.string(g, "group"), config));
            }
            return out;
        }));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        ObjectWriting.write(w, c, "group", "/cluster/ha/groups", "/cluster/ha/groups/{group}", Map.of());
    }
}
