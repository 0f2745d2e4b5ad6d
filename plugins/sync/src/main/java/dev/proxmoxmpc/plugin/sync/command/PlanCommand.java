package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.plugin.sync.render.PlanView;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code /plan}: the change set from the server (read fresh, or the stored copy with {@code --offline}) to the
 * desired state. Changes pending end with exit code 3 under {@code --detailed-exitcode}.
 */
@Extension
public class PlanCommand implements ConsoleCommand {
    private static final Set<String> BOOLEAN_FLAGS = Set.of("--offline", "--json", "--detailed-exitcode");

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String summary() {
        return "Show what /apply would change on the server";
    }

    @Override
    public String usage() {
        return "plan [--offline] [--json] [--detailed-exitcode]";
    }

    @Override
    public List<String> examples() {
        return List.of("plan", "plan --offline --json", "plan --detailed-exitcode");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return List.copyOf(BOOLEAN_FLAGS);
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> words) {
        Args args = Args.parse(words, Set.of(), BOOLEAN_FLAGS);
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        Plan plan;
        if (args.flag("--offline")) {
            plan = EnvironmentPlan.make(ctx, null, desired, ctx.state().load(StateKind.OBSERVED)).plan();
        } else {
            try (ProviderSession session = ctx.connect()) {
                Inventory observed = Discovery.discover(ctx, session);
                ctx.state().save(StateKind.OBSERVED, observed);
                plan = EnvironmentPlan.make(ctx, session, desired, observed).plan();
            }
        }
        if (ctx.console().jsonRequested() || args.flag("--json")) {
            ctx.console().json(PlanView.of(plan));
        } else {
            PlanText.render(ctx.console(), plan);
        }
        if (plan.hasErrors()) {
            return CommandResult.failure("the plan has errors; fix the desired state first");
        }
        return plan.empty() ? CommandResult.ok() : CommandResult.changesPending();
    }
}
