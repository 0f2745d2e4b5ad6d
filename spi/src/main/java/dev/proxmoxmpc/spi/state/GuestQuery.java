package dev.proxmoxmpc.spi.state;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Which stored guests to read ({@link StateStore#guests(StateKind, GuestQuery)}): every criterion given must hold;
 * the result is ordered by VMID and then paged. A store answers it from indexed columns; {@link #matches(Guest)} is the
 * meaning every store must keep (the in-memory default filters with it).
 *
 * @param kind   only VMs or only containers; empty for both
 * @param node   only on this node; {@code ""} for any
 * @param pool   only in this pool; {@code ""} for any
 * @param tags   only guests carrying all these tags; empty for any
 * @param name   only guests with exactly this name; {@code ""} for any
 * @param vmids  only these VMIDs; empty for any
 * @param offset how many matching guests to skip (after ordering by VMID), at least 0
 * @param limit  at most this many guests, at least 0 ({@link Integer#MAX_VALUE}: all)
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record GuestQuery(Optional<GuestKind> kind, String node, String pool, List<String> tags, String name,
                         Optional<Set<Integer>> vmids, int offset, int limit) {
    public GuestQuery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pool, "pool");
        tags = List.copyOf(tags);
        Objects.requireNonNull(name, "name");
        vmids = vmids.map(Set::copyOf);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
    }

    /** @return every guest. */
    public static GuestQuery all() {
        return new GuestQuery(Optional.empty(), "", "", List.of(), "", Optional.empty(), 0, Integer.MAX_VALUE);
    }

    public GuestQuery kind(GuestKind k) {
        return new GuestQuery(Optional.of(k), node, pool, tags, name, vmids, offset, limit);
    }

    public GuestQuery node(String n) {
        return new GuestQuery(kind, n, pool, tags, name, vmids, offset, limit);
    }

    public GuestQuery pool(String p) {
        return new GuestQuery(kind, node, p, tags, name, vmids, offset, limit);
    }

    public GuestQuery tags(List<String> t) {
        return new GuestQuery(kind, node, pool, t, name, vmids, offset, limit);
    }

    public GuestQuery name(String n) {
        return new GuestQuery(kind, node, pool, tags, n, vmids, offset, limit);
    }

    public GuestQuery vmids(Set<Integer> ids) {
        return new GuestQuery(kind, node, pool, tags, name, Optional.of(ids), offset, limit);
    }

    public GuestQuery page(int from, int max) {
        return new GuestQuery(kind, node, pool, tags, name, vmids, from, max);
    }

    /** @return whether {@code g} is selected (paging aside). */
    public boolean matches(Guest g) {
        return kind.map(k -> g.kind() == k).orElse(true)
                && (node.isEmpty() || g.node().equals(node))
                && (pool.isEmpty() || g.pool().equals(pool))
                && (name.isEmpty() || g.name().equals(name))
                && (tags.isEmpty() || g.tags().containsAll(tags))
                && vmids.map(ids -> ids.contains(g.vmid())).orElse(true);
    }

    /** @return the page of {@code guests} (already ordered by VMID) this query selects. */
    public List<Guest> select(List<Guest> guests) {
        return guests.stream().filter(this::matches).skip(offset).limit(limit).toList();
    }
}
