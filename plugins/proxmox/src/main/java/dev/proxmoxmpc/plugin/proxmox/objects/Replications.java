package dev.proxmoxmpc.plugin.proxmox.objects;

import dev.proxmoxmpc.spi.provider.Change;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Storage replication jobs ({@code /cluster/replication}): kind {@code replication}, cluster-wide, id the job id
 * {@code <guest>-<jobnum>} ({@code 101-0}). Config: {@code target}, {@code schedule}, {@code rate}, {@code comment},
 * {@code disable} as the API lists them; left out are what the id already says ({@code guest}, {@code jobnum}), the
 * section {@code type} (always {@code local}), and {@code source}, which PVE records itself (the guest's node at
 * creation, for its own use). A job marked {@code remove_job} is being removed by PVE's replication runner and is not
 * listed. The target cannot change in place (PUT has no {@code target}): such an update is refused with the way out.
 */
final class Replications implements ObjectFamily {
    static final String KIND = "replication";
    private static final Set<String> COMPUTED = Set.of("id", "type", "guest", "jobnum", "source", "digest");

    @Override
    public String name() {
        return "replication jobs";
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public List<ObjectRead> reads(ObjectReads ctx) {
        return List.of(ObjectRead.cluster(() -> ObjectWriting.list(ctx, "/cluster/replication", KIND, "id", COMPUTED,
                c -> c.containsKey("remove_job"), c -> { })));
    }

    @Override
    public void write(ObjectWrites w, Change c) {
        ObjectWriting.refuseChange(w, c, "/cluster/replication/" + c.target().objectId(), "target",
                "delete the job and create one with the next job number (" + c.target().objectId().replaceFirst("-\\d+$", "-1") + ")");
        Change sent = c;
        if (c.action() == dev.proxmoxmpc.spi.provider.ChangeAction.UPDATE) {
            Map<String, String> settings = new TreeMap<>(c.settings());
            settings.remove("target");
            sent = new Change(c.action(), c.target(), settings, c.deletions(), c.options(), c.summary());
        }
        ObjectWriting.write(w, sent, "id", "/cluster/replication", "/cluster/replication/{id}", Map.of("type", "local"));
    }
}
