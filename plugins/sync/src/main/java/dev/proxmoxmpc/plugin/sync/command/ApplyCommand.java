package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code /apply}: plan against a fresh read of the server, confirm, execute through the provider, record. A run
 * that stopped at a failure is continued by running /apply again: it plans only what is left.
 */
@Extension
public class ApplyCommand implements ConsoleCommand {
    private static final Set<String> VALUE_FLAGS = Set.of("--parallelism");
    private static final Set<String> BOOLEAN_FLAGS = Set.of("--yes", "--snapshot-guests", "--json");

    @Override
    public String name() {
        return "apply";
    }

    @Override
    public String summary() {
        return "Carry out the plan on the server";
    }

    @Override
    public String usage() {
        return "apply [--yes] [--parallelism N] [--snapshot-guests] [--json]";
    }

    @Override
    public List<String> examples() {
        return List.of("apply", "apply --yes --parallelism 2", "apply --snapshot-guests", "proxmox-mpc apply --yes --json");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return List.of("--yes", "--parallelism", "--snapshot-guests", "--json");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> words) {
        Args args = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        int parallelism = args.intValue("--parallelism").orElse(ctx.config().parallelism());
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be at least 1");
        }
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        try (ProviderSession session = ctx.connect()) {
            Inventory observed = Discovery.discover(ctx, session);
            ctx.state().save(StateKind.OBSERVED, observed);
            EnvironmentPlan target = EnvironmentPlan.make(ctx, session, desired, observed);
            Plan plan = target.plan();
            boolean json = ctx.console().jsonRequested() || args.flag("--json");
            if (!json) {
                PlanText.render(ctx.console(), plan);
            }
            if (plan.hasErrors()) {
                return ApplyRunner.outcome(ctx, json, "apply", plan, "refused", CommandResult.failure("the plan has errors; nothing was changed"));
            }
            if (plan.empty()) {
                return ApplyRunner.outcome(ctx, json, "apply", plan, "nothing to do", CommandResult.ok());
            }
            if (!args.flag("--yes") && !ctx.console().confirm("Apply these changes to " + ctx.config().currentEnvironment() + "?")) {
                return ApplyRunner.outcome(ctx, json, "apply", plan, "cancelled",
                        CommandResult.failure("apply cancelled; nothing was changed (in batch mode pass --yes)"));
            }
            return ApplyRunner.run(ctx, session, plan, target.desired(), observed,
                    new ApplyRunner.Options(parallelism, args.flag("--snapshot-guests"), "apply", json));
        }
    }
}
