package dev.proxmoxmpc.plugin.sync.journal;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Settles the apply journal's open entries (changes an interrupted /apply sent without recording their outcome)
 * against what the server shows now: a guest it was creating that exists is adopted into the agreed state (BASE),
 * so the next plan neither recreates it nor calls its VMID taken; one that does not exist is planned again; a guest
 * deleted that is gone is dropped from BASE; any other change cannot be told from the server and is planned from what
 * it shows. An entry whose guest still has a task running on the server stays open, and the task is reported.
 */
public final class Reconciler {
    /** How many of the newest journal entries are checked for work an interrupted run did not record. */
    private static final int RECENT = 500;

    private final StateStore state;
    private final Clock clock;

    public Reconciler(StateStore state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /**
     * What reconciling found.
     *
     * @param settled one line per entry settled ({@code adopted vm/112 kill-1: created by an interrupted apply})
     * @param running tasks still running on the server for changes of an interrupted apply
     */
    public record Outcome(List<String> settled, List<TaskRecord> running) {
        public Outcome {
            settled = List.copyOf(settled);
            running = List.copyOf(running);
        }

        /** @return the VMIDs the running tasks work on. */
        public Set<Integer> busyVmids() {
            Set<Integer> out = new TreeSet<>();
            running.forEach(t -> vmid(t.id()).ifPresent(out::add));
            return out;
        }

        /** @return {@code still running on the server: UPID:... (qmcreate 114), ...}, or {@code ""}. */
        public String runningLine() {
            if (running.isEmpty()) {
                return "";
            }
            List<String> names = running.stream().map(t -> t.upid() + " (" + t.type() + " " + t.id() + ")").toList();
            return "still running on the server from an interrupted /apply: " + String.join(", ", names);
        }
    }

    /**
     * Settles what can be settled; {@code observed} is the server as just read, {@code tasks} its recent tasks (asked
     * only when an entry is open). Also takes into BASE what the journal says an apply did but whose process died
     * before recording it in the state (a create that succeeded, a delete that succeeded).
     */
    public Outcome reconcile(Inventory observed, Supplier<List<TaskRecord>> recentTasks) {
        List<String> settled = new ArrayList<>();
        List<TaskRecord> running = new ArrayList<>();
        List<JournalEntry> unrecorded = unrecorded();
        List<JournalEntry> open = state.openJournal();
        if (unrecorded.isEmpty() && open.isEmpty()) {
            return new Outcome(settled, running); // nothing to settle: the base is not even read
        }
        Inventory base = state.load(StateKind.BASE);
        Inventory newBase = unrecorded(base, observed, unrecorded, settled);
        List<TaskRecord> tasks = open.isEmpty() ? List.of() : recentTasks.get();
        for (JournalEntry e : open) {
            Optional<Integer> vmid = guestVmid(e.target());
            List<TaskRecord> busy = vmid.map(id -> tasks.stream()
                    .filter(t -> t.end().isEmpty() && t.id().equals(Integer.toString(id))).toList()).orElse(List.of());
            if (!busy.isEmpty()) {
                busy.stream().filter(t -> running.stream().noneMatch(r -> r.upid().equals(t.upid()))).forEach(running::add);
                continue;
            }
            Optional<Guest> now = vmid.flatMap(observed::guest);
            JournalEntry.Status status;
            String how;
            switch (e.action()) {
                case "CREATE", "CLONE" -> {
                    if (vmid.isPresent() && now.isPresent()) {
                        newBase = newBase.withGuest(Desired.fromObserved(now.get()));
                        status = JournalEntry.Status.ADOPTED;
                        how = "adopted " + ThreeWayMerge.label(now.get()) + ": the interrupted /apply created it";
                    } else {
                        status = JournalEntry.Status.NOT_DONE;
                        how = e.summary() + ": not done by the interrupted /apply; planned again";
                    }
                }
                case "DELETE" -> {
                    if (vmid.isPresent() && now.isEmpty()) {
                        newBase = newBase.withoutGuest(vmid.get());
                        status = JournalEntry.Status.ADOPTED;
                        how = e.summary() + ": done by the interrupted /apply";
                    } else {
                        status = JournalEntry.Status.NOT_DONE;
                        how = e.summary() + ": not done by the interrupted /apply; planned again";
                    }
                }
                default -> {
                    status = JournalEntry.Status.UNKNOWN;
                    how = e.summary() + ": outcome unknown after an interrupted /apply; planned from what the server shows";
                }
            }
            state.journal(e.settled(status, how, clock.instant()));
            settled.add(how);
        }
        if (newBase != base) {
            state.save(StateKind.BASE, newBase);
        }
        return new Outcome(settled, running);
    }

    /** @return the succeeded guest entries of recent runs since the last /sync (which made BASE authoritative) */
    private List<JournalEntry> unrecorded() {
        java.time.Instant since = state.lastSyncRun().map(r -> r.time()).orElse(java.time.Instant.MIN);
        return state.journalEntries(RECENT).stream().filter(e -> e.status() == JournalEntry.Status.SUCCEEDED
                && e.time().isAfter(since) && guestVmid(e.target()).isPresent()).toList();
    }

    /** Succeeded creates and deletes of recent runs that BASE does not reflect: the process died before recording them. */
    private Inventory unrecorded(Inventory base, Inventory observed, List<JournalEntry> entries, List<String> settled) {
        Inventory out = base;
        for (JournalEntry e : entries) {
            Optional<Integer> vmid = guestVmid(e.target());
            Optional<Guest> now = observed.guest(vmid.orElseThrow());
            boolean created = e.action().equals("CREATE") || e.action().equals("CLONE");
            if (created && now.isPresent() && out.guest(vmid.get()).isEmpty()) {
                out = out.withGuest(Desired.fromObserved(now.get()));
                settled.add("adopted " + ThreeWayMerge.label(now.get()) + ": the interrupted /apply created it");
            } else if (e.action().equals("DELETE") && now.isEmpty() && out.guest(vmid.get()).isPresent()) {
                out = out.withoutGuest(vmid.get());
                settled.add(e.summary() + ": done by the interrupted /apply");
            }
        }
        return out;
    }

    private static Optional<Integer> guestVmid(String target) {
        if (!target.startsWith("vm/") && !target.startsWith("container/")) {
            return Optional.empty();
        }
        return vmid(target.substring(target.lastIndexOf('/') + 1));
    }

    private static Optional<Integer> vmid(String id) {
        try {
            return Optional.of(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
