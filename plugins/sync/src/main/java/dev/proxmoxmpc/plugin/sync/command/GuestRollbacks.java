package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.state.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links Proxmox guest snapshots ({@code /apply --snapshot-guests}) to the state snapshot they protect, through
 * {@code guest-snapshot} events, so {@code /rollback <id> --guests} can roll disks back as well as configuration.
 */
final class GuestRollbacks {
    static final String EVENT = "guest-snapshot";
    private static final String MARK = "; state snapshot ";

    private GuestRollbacks() {}

    /** Records the guest snapshots taken before changing the server away from state snapshot {@code stateId}. */
    static void record(KernelContext ctx, List<ChangeResult> taken, String stateId, Instant now) {
        for (ChangeResult r : taken) {
            if (r.succeeded()) {
                ctx.state().appendEvent(new Event(now, EVENT, r.change().target().toString(),
                        r.change().option(Change.OPT_SNAPSHOT) + MARK + stateId));
            }
        }
    }

    /** @return a ROLLBACK per guest snapshot taken before leaving {@code stateId}, for guests the server still has. */
    static List<Change> find(KernelContext ctx, String stateId, Inventory observed) {
        Map<String, String> byTarget = new LinkedHashMap<>();
        for (Event e : ctx.state().events(10_000)) {
            if (e.type().equals(EVENT) && e.detail().endsWith(MARK + stateId)) {
                byTarget.putIfAbsent(e.target(), e.detail().substring(0, e.detail().indexOf(MARK)));
            }
        }
        List<Change> out = new ArrayList<>();
        byTarget.forEach((target, snap) -> vmid(target).flatMap(observed::guest).ifPresent(g -> out.add(
                new Change(ChangeAction.ROLLBACK, ApplyTargets.ref(g), Map.of(), List.of(), Map.of(Change.OPT_SNAPSHOT, snap),
                        "roll back " + ApplyTargets.ref(g) + " " + g.name() + " to its snapshot " + snap))));
        return out;
    }

    private static Optional<Integer> vmid(String target) {
        try {
            return Optional.of(Integer.parseInt(target.substring(target.indexOf('/') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
