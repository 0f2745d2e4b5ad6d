package dev.proxmoxmpc.plugin.sync.plan;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.List;
import java.util.Objects;

/**
 * One resource's entry in a plan, like a block of {@code terraform plan}: what happens to it, the fields that change
 * and the provider changes that do it, in execution order.
 *
 * @param kind    create, update, replace or delete
 * @param ref     the resource
 * @param label   {@code vm/101 web-01}
 * @param fields  the field changes (observed -> desired); for a create every field set
 * @param changes the provider changes, in order
 */
public record PlanItem(Kind kind, ResourceRef ref, String label, List<FieldChange> fields, List<Change> changes) {
    /** The terraform-style action symbol. */
    public enum Kind {
        CREATE("+"), UPDATE("~"), REPLACE("-/+"), DELETE("-");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public PlanItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(label, "label");
        fields = List.copyOf(fields);
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a plan item needs at least one change: " + label);
        }
    }
}
