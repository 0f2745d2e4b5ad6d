package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PreApplyCheck;
import dev.proxmoxmpc.spi.iac.PreApplyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every {@link PreApplyCheck} (the testing plugin's {@code /test --phase plan}, the provider's privilege check)
 * before /apply changes anything: warnings are shown, an error refuses the apply; {@code --skip-tests} skips the
 * skippable checks only.
 */
final class PreApplyChecks {
    private PreApplyChecks() {}

    /** @return the refusal when an error-severity check failed, empty to go on */
    static Optional<CommandResult> refusal(KernelContext ctx, boolean json, boolean skipTests, Inventory desired, Inventory observed,
                                           Plan plan, ProviderSession session) {
        PreApplyRequest request = new PreApplyRequest(desired, observed, plan.changes(), session);
        List<Diagnostic> found = new ArrayList<>();
        List<Diagnostic> unskippable = new ArrayList<>();
        for (PreApplyCheck check : ctx.extensions(PreApplyCheck.class)) {
            if (!skipTests || !check.skippable()) {
                List<Diagnostic> d = check.check(ctx, request);
                found.addAll(d);
                if (!check.skippable()) {
                    unskippable.addAll(d);
                }
            }
        }
        long errors = found.stream().filter(d -> d.severity() == Severity.ERROR).count();
        if (!json) {
            for (Diagnostic d : found) {
                if (d.severity() == Severity.ERROR) {
                    ctx.console().error("FAIL " + d);
                } else if (d.severity() == Severity.WARNING) {
                    ctx.console().warn("WARN " + d);
                }
            }
        }
        if (errors == 0) {
            return Optional.empty();
        }
        List<Diagnostic> blocking = unskippable.stream().filter(d -> d.severity() == Severity.ERROR).toList();
        if (blocking.size() == errors) {
            // e.g. missing privileges: --skip-tests cannot help; with --json the message is the only place they are told
            return Optional.of(CommandResult.failure(json ? String.join("\n", blocking.stream().map(Diagnostic::toString).toList())
                    : errors + " pre-apply check" + (errors == 1 ? "" : "s") + " failed (shown above); nothing was changed"));
        }
        return Optional.of(CommandResult.failure(errors + " pre-apply test" + (errors == 1 ? "" : "s")
                + " failed; nothing was changed (fix the desired state, or pass --skip-tests)"));
    }
}
