package dev.proxmoxmpc.plugin.proxmox.objects;

import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes one family of {@link ClusterObject} kinds through the PVE API (backup jobs, HA, the firewall, SDN,
 * access, ...). Every family is listed in {@link ObjectFamilies#ALL}; discovery runs its reads in its parallel pool,
 * the change executor calls {@link #write} for changes of its kinds, and the privilege pre-check calls the same
 * {@link #write} with a recorder to learn the calls it would make.
 */
public interface ObjectFamily {
    /** @return a few words for messages ({@code backup jobs}) */
    String name();

    /** @return the kinds it reads and writes */
    Set<String> kinds();

    /**
     * @param ctx what discovery already knows (online nodes, guests, the PVE version) and a client to read with
     * @return the reads to run, in parallel; a cluster-wide family usually has one, a per-guest one one per guest
     */
    List<ObjectRead> reads(ObjectReads ctx);

    /**
     * Carries out one change of one of its kinds. An UPDATE's settings are the whole desired object, its deletions the
     * keys it no longer has, and {@link Change#OPT_DIGEST} the digest the object had when planned (when PVE gave one).
     * Writes go through {@code w} with path templates ({@code /cluster/backup/{id}}): its parameters fill the path.
     */
    void write(ObjectWrites w, Change change);
}
