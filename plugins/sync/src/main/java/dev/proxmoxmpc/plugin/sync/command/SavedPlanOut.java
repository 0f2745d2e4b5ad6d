package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.saved.PlanFiles;
import dev.proxmoxmpc.plugin.sync.saved.PlanTrail;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlan;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlans;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /plan --out FILE}: writes the saved plan (relative paths from the project directory) and records it. */
final class SavedPlanOut {
    private SavedPlanOut() {}

    static void write(KernelContext ctx, String file, Plan plan, Inventory storedDesired, Inventory observed) {
        SavedPlan saved = SavedPlans.of(ctx, plan, storedDesired, observed);
        Path path = resolve(ctx, file);
        try {
            PlanFiles.write(path, saved);
        } catch (IOException e) {
            throw new CommandException("cannot write the plan to " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("environment", ctx.config().currentEnvironment());
        f.put("by", ctx.user());
        f.put("file", file);
        f.put("changes", Integer.toString(plan.changes().size()));
        PlanTrail.record(ctx, saved.sha256(), "saved", f, "ok");
        if (!ctx.console().jsonRequested()) {
            ctx.console().info("Saved the plan to " + file + " (sha256 " + saved.sha256().substring(0, 12)
                    + "): /show " + file + " to review it, /apply " + file + " to apply exactly it");
        }
    }

    /** @return {@code file} resolved from the project directory */
    static Path resolve(KernelContext ctx, String file) {
        return ctx.workspace().root().resolve(file).normalize();
    }
}
