package dev.proxmoxmpc.plugin.resources.command;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way these commands change anything: store the new desired inventory, regenerate the files at once, and
 * append an audit entry. Nothing here talks to the server.
 */
final class Persist {
    private Persist() {}

    /** @return the files written or removed, project-relative. */
    static List<String> desired(KernelContext ctx, Inventory desired, String action, String target) {
        Instant start = ctx.clock().instant();
        ctx.state().save(StateKind.DESIRED, desired);
        GenerationReport report = ctx.regenerate(desired);
        for (Diagnostic d : report.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                ctx.console().warn("file generation: " + d);
            }
        }
        long ms = java.time.Duration.between(start, ctx.clock().instant()).toMillis();
        ctx.audit(new AuditEntry(start, ctx.user(), "", action, target, "ok (desired state)", Math.max(0, ms)));
        List<String> files = new ArrayList<>(report.written());
        report.removed().forEach(f -> files.add(f + " (removed)"));
        return files;
    }
}
