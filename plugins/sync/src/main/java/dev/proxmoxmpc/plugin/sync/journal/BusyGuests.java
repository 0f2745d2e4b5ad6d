package dev.proxmoxmpc.plugin.sync.journal;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guests a dead process's tasks still work on: /plan plans around them (and names the tasks), /apply waits for them.
 */
public final class BusyGuests {
    private BusyGuests() {}

    /** @return the plan without the items on guests the running tasks work on, with a warning naming the tasks. */
    public static Plan around(Plan plan, Reconciler.Outcome reconciled) {
        if (reconciled.running().isEmpty()) {
            return plan;
        }
        Set<Integer> busy = reconciled.busyVmids();
        List<PlanItem> kept = plan.items().stream().filter(i -> !onBusyGuest(i.ref(), busy)).toList();
        List<Diagnostic> diags = new ArrayList<>(plan.diagnostics().stream().filter(d -> !aboutBusyGuest(d, busy)).toList());
        diags.add(Diagnostic.warning(reconciled.runningLine() + "; planned around "
                + busy.stream().map(String::valueOf).collect(Collectors.joining(", ", "VMID ", ""))
                + " (/apply waits for them; run /plan again once they finished)", ""));
        return new Plan(kept, diags);
    }

    /** A diagnostic about a guest a task still works on (its VMID looks taken while it is being created) waits too. */
    private static boolean aboutBusyGuest(Diagnostic d, Set<Integer> busy) {
        java.util.regex.Matcher m = GUEST.matcher(d.source());
        return m.find() && busy.contains(Integer.parseInt(m.group(2)));
    }

    private static final java.util.regex.Pattern GUEST = java.util.regex.Pattern.compile("^(vm|ct)/(\\d{1,9})\\b");

    private static boolean onBusyGuest(ResourceRef ref, Set<Integer> busy) {
        if (ref.type() != ResourceRef.Type.VM && ref.type() != ResourceRef.Type.CONTAINER) {
            return false;
        }
        try {
            return busy.contains(Integer.parseInt(ref.id()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Waits until none of {@code running} is running on the server any more.
     *
     * @return whether they all finished within {@code max}
     */
    public static boolean await(ProviderSession session, List<TaskRecord> running, Duration poll, Duration max) {
        Set<String> upids = running.stream().map(TaskRecord::upid).collect(Collectors.toSet());
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            List<TaskRecord> now;
            try {
                now = session.recentTasks();
            } catch (ProviderException e) {
                now = List.of();
            }
            if (now.stream().noneMatch(t -> upids.contains(t.upid()) && t.end().isEmpty())) {
                return true;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
