package dev.proxmoxmpc.plugin.sync.render;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shape of a plan (never carries a secret: fields, not the provider's settings).
 *
 * @param changes     whether anything would change
 * @param create      resources to create
 * @param update      resources to update
 * @param replace     resources to replace
 * @param delete      resources to delete
 * @param items       the resources, in execution order
 * @param diagnostics what cannot be planned
 */
public record PlanView(boolean changes, long create, long update, long replace, long delete, List<Item> items,
                       List<Diagnostic> diagnostics) {

    /**
     * @param action  {@code create}, {@code update}, {@code replace}, {@code delete}
     * @param symbol  {@code +}, {@code ~}, {@code -/+}, {@code -}
     * @param resource {@code vm/101 web-01}
     * @param fields  the field changes
     * @param steps   the provider steps' one-line summaries
     */
    public record Item(String action, String symbol, String resource, List<FieldChange> fields, List<String> steps) {}

    public static PlanView of(Plan plan) {
        List<Item> items = plan.items().stream().map(i -> new Item(i.kind().name().toLowerCase(Locale.ROOT), i.kind().symbol(),
                i.label(), i.fields(), i.changes().stream().map(c -> c.action().name() + " " + c.summary()).toList())).toList();
        return new PlanView(!plan.empty(), plan.count(PlanItem.Kind.CREATE), plan.count(PlanItem.Kind.UPDATE),
                plan.count(PlanItem.Kind.REPLACE), plan.count(PlanItem.Kind.DELETE), items, plan.diagnostics());
    }
}
