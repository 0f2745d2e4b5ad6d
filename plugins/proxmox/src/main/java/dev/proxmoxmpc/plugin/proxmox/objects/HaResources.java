package dev.proxmoxmpc.plugin.proxmox.objects;

import dev.proxmoxmpc.spi.provider.Change;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HA resources ({@code /cluster/ha/resources}): kind {@code ha-resource}, cluster-wide, id the sid ({@code vm:101},
 * {@code ct:202}). Config: the resource's options ({@code state}, {@code comment}, {@code max_restart},
 * {@code max_relocate}, {@code failback}, {@code group} on PVE 8, ...); left out are {@code sid}, {@code type} (the
 * sid says it), the file-wide {@code digest} (one update would make the next one's stale) and {@code errors}.
 * Deleting one also takes it out of the HA rules naming it (PVE's default {@code purge}).
 */
final class HaResources implements ObjectFamily {
    static final String KIND = "ha-resource";
    private static final Set<String> COMPUTED = Set.of("sid", "type", "digest", "errors");

    @Override
    public String name() {
        return "HA resources";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        return List.of(ObjectRead.cluster(() -> ObjectWriting.list(ctx, "/cluster/ha/resources", KIND, "sid", COMPUTED,
                c -> false, c -> { })));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        ObjectWriting.write(w, c, "sid", "/cluster/ha/resources", "/cluster/ha/resources/{sid}", Map.of());
    }
}
