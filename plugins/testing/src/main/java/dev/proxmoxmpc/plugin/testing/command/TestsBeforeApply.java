package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.run.Result;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PreApplyCheck;
import dev.proxmoxmpc.spi.iac.PreApplyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pf4j.Extension;

/** {@code /test --phase plan} before every /apply: its failures as errors, its warnings as warnings. */
@Extension
public class TestsBeforeApply implements PreApplyCheck {

    @Override
    public String id() {
        return "tests";
    }

    @Override
    public List<Diagnostic> check(KernelContext ctx, PreApplyRequest request) {
        TestReport report = TestRuns.plan(ctx, request.desired(), request.observed(), request.session()::read, Optional.empty());
        List<Diagnostic> out = new ArrayList<>();
        for (Result r : report.results()) {
            if (r.failed() || r.warned()) {
                out.add(new Diagnostic(r.failed() ? Severity.ERROR : Severity.WARNING, r.text(), "", r.file()));
            }
        }
        return out;
    }
}
