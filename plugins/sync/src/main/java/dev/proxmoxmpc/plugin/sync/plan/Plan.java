package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.provider.Change;
import java.util.List;

/**
 * The change set from observed to desired, in dependency order: pools, storages and networks first, clone
 * sources before their clones, guest deletions before the pools, networks and storages they used.
 *
 * @param items       one per resource that changes, in execution order
 * @param diagnostics what cannot be planned (a disk that would shrink, a missing clone source, ...)
 */
public record Plan(List<PlanItem> items, List<Diagnostic> diagnostics) {
    public Plan {
        items = List.copyOf(items);
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return every provider change, in execution order. */
    public List<Change> changes() {
        return items.stream().flatMap(i -> i.changes().stream()).toList();
    }

    public boolean empty() {
        return items.isEmpty();
    }

    public long count(PlanItem.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }

    /** @return whether a diagnostic is an error (the plan must not be applied). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** @return {@code Plan: 1 to create, 2 to update, 0 to replace, 1 to delete.} */
    public String summary() {
        if (empty()) {
            return "No changes. The server matches the desired state.";
        }
        return "Plan: " + count(PlanItem.Kind.CREATE) + " to create, " + count(PlanItem.Kind.UPDATE) + " to update, "
                + count(PlanItem.Kind.REPLACE) + " to replace, " + count(PlanItem.Kind.DELETE) + " to delete.";
    }
}
