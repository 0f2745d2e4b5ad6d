package dev.proxmoxmpc.plugin.sync.render;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;

/** Renders a plan for a person, like {@code terraform plan} (the fields of a deleted resource only in {@code --json}). */
public final class PlanText {
    private PlanText() {}

    public static void render(Console out, Plan plan) {
        for (PlanItem item : plan.items()) {
            Style style = switch (item.kind()) {
                case CREATE -> Style.GREEN;
                case UPDATE -> Style.YELLOW;
                case REPLACE, DELETE -> Style.RED;
            };
            out.println(out.style(style, String.format("%3s", item.kind().symbol())) + " " + out.style(Style.BOLD, item.label())
                    + out.style(Style.DIM, "  (" + verb(item) + ")"));
            if (item.kind() == PlanItem.Kind.DELETE) {
                continue;
            }
            for (FieldChange f : item.fields()) {
                out.println("      " + field(out, item.kind(), f));
            }
        }
        for (Diagnostic d : plan.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                out.error(d.toString());
            } else if (d.severity() == Severity.INFO) {
                out.info(d.toString());
            } else {
                out.warn(d.toString());
            }
        }
        if (!plan.empty()) {
            out.println("");
        }
        out.info(plan.summary());
    }

    private static String verb(PlanItem item) {
        return switch (item.kind()) {
            case CREATE -> item.changes().get(0).action() == ChangeAction.CLONE
                    ? "will be cloned from " + item.changes().get(0).option(Change.OPT_SOURCE) : "will be created";
            case UPDATE -> "will be updated in place";
            case REPLACE -> "must be replaced";
            case DELETE -> "will be destroyed";
        };
    }

    static String field(Console out, PlanItem.Kind kind, FieldChange f) {
        if (kind == PlanItem.Kind.CREATE) {
            return out.style(Style.GREEN, "+ ") + f.field() + " = " + f.after();
        }
        if (kind == PlanItem.Kind.DELETE) {
            return out.style(Style.RED, "- ") + f.field() + " = " + f.before();
        }
        return DiffText.line(out, f);
    }
}
