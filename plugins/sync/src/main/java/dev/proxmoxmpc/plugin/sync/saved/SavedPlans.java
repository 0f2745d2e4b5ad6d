package dev.proxmoxmpc.plugin.sync.saved;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import java.nio.file.Path;
import java.util.TreeMap;

/** Makes the saved form of a plan for the current project and environment. */
public final class SavedPlans {
    private SavedPlans() {}

    /**
     * @param storedDesired the desired state as stored (before the environment's mapping)
     * @param observed      the server state the plan was computed from
     */
    public static SavedPlan of(KernelContext ctx, Plan plan, Inventory storedDesired, Inventory observed) {
        EnvironmentConfig env = ctx.config().environment();
        SavedPlan.Body body = new SavedPlan.Body(ctx.clock().instant().toString(), ctx.user(), project(ctx),
                new SavedPlan.Environment(env.name(), env.endpoint()), DesiredRevision.of(storedDesired), plan.summary(),
                PlanCodec.items(plan), PlanCodec.notes(plan.diagnostics()), Observations.of(plan, observed));
        return new SavedPlan(SavedPlan.FORMAT, SavedPlan.VERSION, body, PlanFiles.hash(body), null);
    }

    /**
     * @return the project's identity: its directory name (shown) and a digest of its environments and their
     *     endpoints (compared), the same in every clone of the project
     */
    public static SavedPlan.Project project(KernelContext ctx) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(ctx.config().environments()).forEach((name, e) -> sb.append(name).append(' ').append(e.endpoint()).append('\n'));
        Path name = ctx.workspace().root().getFileName();
        return new SavedPlan.Project(name == null ? "" : name.toString(), PlanFiles.sha256(sb.toString()).substring(0, 16));
    }
}
