package dev.proxmoxmpc.plugin.sync.journal;

import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeListener;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.StateStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Journals one /apply run in the state store: each change's intent before it is sent, its outcome after, one
 * transaction each. If the process dies in between, the intent stays open and {@link Reconciler} settles it on the
 * next run. Thread-safe (changes may run in parallel).
 */
public final class ApplyJournal implements ChangeListener {
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StateStore state;
    private final Clock clock;
    private final String run;
    private final Map<Change, Integer> seq = new IdentityHashMap<>();

    /** @param changes the run's changes, in order: their positions are the entries' sequence numbers */
    public ApplyJournal(StateStore state, Clock clock, List<Change> changes) {
        this.state = state;
        this.clock = clock;
        this.run = RUN.format(clock.instant()) + "-" + ProcessHandle.current().pid();
        for (int i = 0; i < changes.size(); i++) {
            seq.put(changes.get(i), i + 1);
        }
    }

    /** @return the run id ({@code 20261206T170102Z-4242}). */
    public String run() {
        return run;
    }

    @Override
    public void starting(Change change) {
        state.journal(new JournalEntry(run, seq(change), clock.instant(), change.action().name(), change.target().toString(),
                change.target().node(), change.summary(), JournalEntry.Status.INTENT, ""));
    }

    @Override
    public void finished(ChangeResult result) {
        Change c = result.change();
        JournalEntry.Status status = result.succeeded() ? JournalEntry.Status.SUCCEEDED : JournalEntry.Status.FAILED;
        String detail = result.succeeded() ? result.taskId() : result.message();
        state.journal(new JournalEntry(run, seq(c), clock.instant(), c.action().name(), c.target().toString(),
                c.target().node(), c.summary(), status, detail == null ? "" : detail));
    }

    private synchronized int seq(Change c) {
        return seq.computeIfAbsent(c, k -> seq.size() + 1);
    }
}
