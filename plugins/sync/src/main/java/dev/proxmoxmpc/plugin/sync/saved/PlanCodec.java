package dev.proxmoxmpc.plugin.sync.saved;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.PlanItem;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a {@link Plan} into the items of a saved plan and back. Secret settings (a container's root
 * {@code password}, a VM's {@code cipassword}) are never written: the file carries {@value #SECRET} in their place,
 * and /apply takes the real value from where /plan took it (the environment), never from the file.
 */
public final class PlanCodec {
    /** What a secret setting's value reads as in a saved plan. */
    public static final String SECRET = "(secret)";
    private static final Set<String> SECRET_KEYS = Set.of("password", "cipassword");

    private PlanCodec() {}

    /** @return whether a config key holds a secret */
    public static boolean secret(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    public static List<SavedPlan.Item> items(Plan plan) {
        return plan.items().stream().map(PlanCodec::item).toList();
    }

    public static SavedPlan.Item item(PlanItem i) {
        return new SavedPlan.Item(i.kind().name().toLowerCase(Locale.ROOT), ref(i.ref()), i.label(),
                i.fields().stream().map(f -> new SavedPlan.Field(f.field(), hide(f.field(), f.before()), hide(f.field(), f.after()))).toList(),
                i.changes().stream().map(PlanCodec::step).toList());
    }

    public static List<SavedPlan.Note> notes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> new SavedPlan.Note(d.severity().name().toLowerCase(Locale.ROOT), d.summary(),
                d.source())).toList();
    }

    static SavedPlan.Step step(Change c) {
        Map<String, String> settings = new TreeMap<>();
        c.settings().forEach((k, v) -> settings.put(k, hide(k, v)));
        return new SavedPlan.Step(c.action().name().toLowerCase(Locale.ROOT), ref(c.target()), settings, c.deletions(),
                c.options(), c.summary());
    }

    public static SavedPlan.Ref ref(ResourceRef r) {
        return new SavedPlan.Ref(r.type().name().toLowerCase(Locale.ROOT), r.node(), r.id());
    }

    /** @return the plan the file describes, for showing it (secret settings read {@value #SECRET}) */
    public static Plan plan(SavedPlan.Body body) {
        List<PlanItem> items = body.items().stream().map(i -> new PlanItem(PlanItem.Kind.valueOf(i.action().toUpperCase(Locale.ROOT)),
                ref(i.resource()), i.label(), i.fields().stream().map(f -> new FieldChange(f.field(), f.before(), f.after())).toList(),
                i.changes().stream().map(s -> new Change(ChangeAction.valueOf(s.action().toUpperCase(Locale.ROOT)), ref(s.target()),
                        s.settings(), s.deletions(), s.options(), s.summary())).toList())).toList();
        List<Diagnostic> diags = body.diagnostics().stream().map(n -> new Diagnostic(Severity.valueOf(n.severity().toUpperCase(Locale.ROOT)),
                n.summary(), "", n.source())).toList();
        return new Plan(items, diags);
    }

    public static ResourceRef ref(SavedPlan.Ref r) {
        return new ResourceRef(ResourceRef.Type.valueOf(r.type().toUpperCase(Locale.ROOT)), r.node(), r.id());
    }

    private static String hide(String key, String value) {
        return secret(key) && !value.isEmpty() ? SECRET : value;
    }
}
