package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.saved.PlanFiles;
import dev.proxmoxmpc.plugin.sync.saved.PlanTrail;
import dev.proxmoxmpc.plugin.sync.saved.SavedPlan;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /approve FILE [--by NAME]}: records in the saved plan who approved it, when, and the SHA-256 of the plan
 * content approved, so an edited plan is refused at apply; the event and audit logs record the approval.
 */
@Extension
@Command(name = "approve", description = "Approve a saved plan: record who and when, with the plan's hash, in the file",
        footer = {"approve plan.json", "approve plan.json --by alice", "approve plan.json --json"})
public class ApproveCommand implements ConsoleCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "the saved plan (/plan --out FILE)")
    private String file;
    @Option(names = "--by", paramLabel = "NAME", description = "who approves (default: the OS user)")
    private String by;

    /** The {@code --json} answer. */
    record Approved(String file, String sha256, String environment, String by, String at) {}

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        String who = by == null ? ctx.user() : by.trim();
        if (who.isEmpty() || who.contains("\n") || who.contains(";")) {
            throw new UsageException("--by needs a name (no ';' or line breaks), got '" + by + "'");
        }
        Path path = SavedPlanOut.resolve(ctx, file);
        SavedPlan saved = PlanFiles.read(path, file);
        if (!PlanFiles.hash(saved.plan()).equals(saved.sha256())) {
            throw new CommandException(file + " was edited after /plan wrote it (its content no longer matches its sha256);"
                    + " it cannot be approved: make a new plan with /plan --out " + file);
        }
        String at = ctx.clock().instant().toString();
        SavedPlan approved = saved.approved(new SavedPlan.Approval(who, at, saved.sha256()));
        try {
            PlanFiles.write(path, approved);
        } catch (IOException e) {
            throw new CommandException("cannot write the approval into " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("environment", saved.plan().environment().name());
        f.put("by", who);
        f.put("file", file);
        PlanTrail.record(ctx, saved.sha256(), "approved", f, "ok: approved by " + who);
        if (ctx.console().jsonRequested()) {
            ctx.console().json(new Approved(file, saved.sha256(), saved.plan().environment().name(), who, at));
        } else {
            ctx.console().success("Approved " + file + " (sha256 " + saved.sha256().substring(0, 12) + ", environment "
                    + saved.plan().environment().name() + ") by " + who + " at " + at + "; apply it with /apply " + file);
        }
        return CommandResult.ok();
    }
}
