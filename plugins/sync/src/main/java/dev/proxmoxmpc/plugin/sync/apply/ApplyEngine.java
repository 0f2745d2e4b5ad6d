package dev.proxmoxmpc.plugin.sync.apply;

import dev.proxmoxmpc.plugin.sync.journal.ApplyJournal;
import dev.proxmoxmpc.plugin.sync.partial.PartialCluster;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes changes through the provider and keeps the local state consistent whatever happens: each change is
 * journaled (intent before, outcome after) so a run killed halfway is reconciled on the next; the provider stops
 * at the first failure; every change that succeeded is recorded in OBSERVED and BASE at once (so a re-run plans
 * only what is left and does nothing twice); then the server is read again; resources whose changes all succeeded
 * are agreed (BASE) and desired adopts the server's spelling of them (allocated disk names, MAC addresses).
 */
public final class ApplyEngine {
    private final ProviderSession session;
    private final StateStore state;
    private final Clock clock;
    private final boolean adoptDesired;

    public ApplyEngine(ProviderSession session, StateStore state, Clock clock) {
        this(session, state, clock, true);
    }

    /**
     * @param adoptDesired whether the stored desired state adopts the server's version of what was applied; false
     *                     when the plan was made from a translated desired state (an environment's mapping), which
     *                     must not replace the project's own names
     */
    public ApplyEngine(ProviderSession session, StateStore state, Clock clock, boolean adoptDesired) {
        this.session = session;
        this.state = state;
        this.clock = clock;
        this.adoptDesired = adoptDesired;
    }

    /**
     * @param changes     the changes, in order
     * @param desired     the desired state they lead to
     * @param observed    the server state they were planned from
     * @param parallelism at most this many at once
     * @param progress    the progress bar (one step per change)
     */
    public ApplyReport apply(List<Change> changes, Inventory desired, Inventory observed, int parallelism, Progress progress) {
        ApplyJournal journal = new ApplyJournal(state, clock, changes); // intent before each change, outcome after
        List<ChangeResult> results = session.applyAll(changes, Math.max(1, parallelism), progress, journal);
        Map<String, Boolean> done = new HashMap<>();
        Inventory patched = observed;
        Inventory base = state.load(StateKind.BASE);
        for (ChangeResult r : results) {
            String key = ResourceKey.of(r.change().target());
            done.merge(key, r.succeeded(), Boolean::logicalAnd);
            if (r.succeeded()) {
                patched = StatePatch.apply(patched, r.change(), desired);
                base = StatePatch.apply(base, r.change(), desired);
            }
        }
        for (Change c : changes.subList(results.size(), changes.size())) {
            done.put(ResourceKey.of(c.target()), false);
        }
        state.saveAll(Map.of(StateKind.OBSERVED, patched, StateKind.BASE, base));
        Inventory fresh;
        try {
            fresh = session.discover(Progress.NONE);
            fresh = PartialCluster.of(fresh).withLastKnown(fresh, patched); // a node that is down keeps what was known
        } catch (ProviderException e) {
            return new ApplyReport(results, false);
        }
        Convergence.record(state, desired, fresh, base, done, adoptDesired);
        return new ApplyReport(results, true);
    }
}
