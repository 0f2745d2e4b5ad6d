package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.plugin.testing.policy.PolicyEngine;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFile;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFileException;
import dev.proxmoxmpc.plugin.testing.policy.ValidateReport;
import dev.proxmoxmpc.plugin.testing.run.Phase;
import dev.proxmoxmpc.plugin.testing.run.Reachability;
import dev.proxmoxmpc.plugin.testing.run.RunContext;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import dev.proxmoxmpc.plugin.testing.run.TestRunner;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.List;
import java.util.Optional;

/** The two phases of /test, shared by the command and by /apply's pre-apply check. */
final class TestRuns {
    static final int TCP_TIMEOUT_MS = 1500;

    private TestRuns() {}

    /** @return the rules /validate runs: every {@link Policy} extension and the project's CEL rules. */
    static List<Policy> rules(KernelContext ctx, PolicyFile file) {
        try {
            return PolicyEngine.rules(ctx.extensions(Policy.class), file);
        } catch (PolicyFileException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** The plan phase: the desired state's checks and every rule, no server writes. */
    static TestReport plan(KernelContext ctx, Inventory desired, Inventory observed, PolicyRequest.ServerReader server,
                           Optional<String> target) {
        List<TestFile> files = ProjectFiles.tests(ctx.workspace(), target);
        PolicyFile policies = ProjectFiles.policies(ctx.workspace());
        String env = ctx.config().currentEnvironment();
        ValidateReport validate = PolicyEngine.run(rules(ctx, policies), policies, new PolicyEngine.Inputs(desired, observed, env, server));
        RunContext run = new RunContext(Phase.PLAN, desired, observed, Optional.empty(), server, (a, p) -> Reachability.Answer.UNREACHABLE);
        return TestRunner.run(files, run, Optional.of(validate));
    }

    /** The live phase: connect, read the server, run every check against it. */
    static TestReport live(KernelContext ctx, Optional<String> target) {
        List<TestFile> files = ProjectFiles.tests(ctx.workspace(), target);
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        Inventory stored = ctx.state().load(StateKind.OBSERVED);
        ProviderSession session;
        try {
            session = ctx.connect();
        } catch (CommandException | ProviderException e) {
            return TestRunner.run(files, new RunContext(Phase.LIVE, desired, stored, Optional.of("cannot connect: " + e.getMessage()),
                    PolicyRequest.ServerReader.NONE, Reachability.tcp(TCP_TIMEOUT_MS)), Optional.empty());
        }
        try (session) {
            Inventory observed;
            try (Progress p = ctx.console().jsonRequested() ? Progress.NONE : ctx.console().progress("Reading the server", 0)) {
                observed = session.discover(p);
            } catch (ProviderException e) {
                String why = e.kind() == ProviderException.Kind.PERMISSION ? "the token lacks the privilege: " + e.getMessage()
                        : "cannot read the server: " + e.getMessage();
                return TestRunner.run(files, new RunContext(Phase.LIVE, desired, stored, Optional.of(why), session::read,
                        Reachability.tcp(TCP_TIMEOUT_MS)), Optional.empty());
            }
            return TestRunner.run(files, new RunContext(Phase.LIVE, desired, observed, Optional.empty(), session::read,
                    Reachability.tcp(TCP_TIMEOUT_MS)), Optional.empty());
        }
    }
}
