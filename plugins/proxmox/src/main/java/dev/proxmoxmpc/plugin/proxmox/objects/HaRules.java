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
 * HA rules of PVE 9 ({@code /cluster/ha/rules}; they replaced HA groups): kind {@code ha-rule}, cluster-wide, id the
 * rule id. Config: {@code type} ({@code node-affinity} or {@code resource-affinity}; PVE's PUT wants it too),
 * {@code resources}, {@code nodes}, {@code strict}, {@code affinity}, {@code disable}, {@code comment}; left out are
 * {@code rule}, the file-wide {@code digest}, the display {@code order} and the feasibility {@code errors}. Not read
 * before PVE 9. A rule cannot change its type in place: such an update is refused with the way out.
 */
final class HaRules implements ObjectFamily {
    static final String KIND = "ha-rule";
    private static final Set<String> COMPUTED = Set.of("rule", "digest", "order", "errors");

    @Override
    public String name() {
        return "HA rules";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        if (ctx.major() > 0 && ctx.major() < 9) {
            return List.of();
        }
        return List.of(ObjectRead.cluster(() -> {
            List<ClusterObject> out = new ArrayList<>();
            for (JsonNode r : ctx.get("/cluster/ha/rules")) {
                Map<String, String> config = new TreeMap<>(Json.strings(r));
                COMPUTED.forEach(config::remove);
                out.add(new ClusterObject(KIND, "", Json.string(r, "rule"), config));
            }
            return out;
        }));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        ObjectWriting.refuseChange(w, c, "/cluster/ha/rules/" + c.target().objectId(), "type", "delete the rule and create it anew");
        ObjectWriting.write(w, c, "rule", "/cluster/ha/rules", "/cluster/ha/rules/{rule}", Map.of());
    }
}
