package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/** {@code /validate}: every {@link Policy} over the desired state; errors fail the command. */
@Extension
@Command(name = "validate", description = "Check the desired state against every policy",
        footer = {"validate", "validate --json"})
public class ValidateCommand implements ConsoleCommand {

    /** @param policy the rule id; @param diagnostic what it found */
    public record Finding(String policy, Diagnostic diagnostic) {}

    /** @param policies the rules run; @param findings what they found; @param errors how many are errors */
    public record ValidateResult(List<String> policies, List<Finding> findings, long errors) {}

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        List<String> ids = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Policy p : ctx.extensions(Policy.class)) {
            ids.add(p.id());
            try {
                p.check(desired).forEach(d -> findings.add(new Finding(p.id(), d)));
            } catch (RuntimeException e) {
                findings.add(new Finding(p.id(), Diagnostic.error("policy failed: " + e.getMessage(), p.id())));
            }
        }
        long errors = findings.stream().filter(f -> f.diagnostic().severity() == Severity.ERROR).count();
        ValidateResult r = new ValidateResult(ids, findings, errors);
        if (ctx.console().jsonRequested()) {
            ctx.console().json(r);
        } else {
            for (Finding f : findings) {
                String line = f.diagnostic() + " [" + f.policy() + "]";
                if (f.diagnostic().severity() == Severity.ERROR) {
                    ctx.console().error(line);
                } else {
                    ctx.console().warn(line);
                }
            }
            if (findings.isEmpty()) {
                ctx.console().success("Valid: " + ids.size() + " policies checked, no findings.");
            }
        }
        return errors == 0 ? CommandResult.ok() : CommandResult.failure(errors + " policy errors; fix the desired state and run /validate again");
    }
}
