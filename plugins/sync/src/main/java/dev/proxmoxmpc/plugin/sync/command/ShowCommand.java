package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.plugin.sync.saved.PlanCodec;
import dev.proxmoxmpc.plugin.sync.saved.PlanFiles;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlan;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code /show FILE}: a saved plan, rendered exactly as {@code /plan} renders a plan, with who made it, for which
 * environment and whether it is approved; {@code --json} prints the file's document.
 */
@Extension
@Command(name = "show", description = "Show a saved plan (/plan --out FILE) the way /plan shows a plan",
        footer = {"show plan.json", "show plan.json --json"})
@AssistantTool(Safety.READ)
public class ShowCommand implements ConsoleCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "the saved plan")
    private String file;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        SavedPlan saved = PlanFiles.read(SavedPlanOut.resolve(ctx, file), file);
        Console out = ctx.console();
        if (out.jsonRequested()) {
            out.json(PlanFiles.document(saved));
            return CommandResult.ok();
        }
        SavedPlan.Body body = saved.plan();
        out.info("Saved plan " + file + ": environment " + body.environment().name() + " (" + body.environment().endpoint()
                + "), made by " + body.createdBy() + " at " + body.createdAt() + ", sha256 " + saved.sha256());
        if (!PlanFiles.hash(body).equals(saved.sha256())) {
            out.warn(file + " was edited after /plan wrote it: /apply will refuse it");
        } else if (saved.approval() == null) {
            out.info("Not approved" + (ctx.approvalRequired(body.environment().name()) ? " (environment " + body.environment().name()
                    + " requires approval: /approve " + file + ")" : ""));
        } else if (saved.approval().sha256().equals(saved.sha256())) {
            out.info("Approved by " + saved.approval().by() + " at " + saved.approval().at());
        } else {
            out.warn("The approval in " + file + " is for another plan content: /apply will refuse it");
        }
        Plan plan = PlanCodec.plan(body);
        PlanText.render(out, plan);
        return CommandResult.ok();
    }
}
