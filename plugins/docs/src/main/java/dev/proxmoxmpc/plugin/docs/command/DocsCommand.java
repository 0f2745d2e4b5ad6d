package dev.proxmoxmpc.plugin.docs.command;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code /docs [--open]}: regenerates docs/ and scripts/ from the desired state now (/sync does it too when the state
 * changed). Files that did not change are not rewritten. Refuses while Terraform or Ansible files carry hand edits
 * that /sync has not read back, since regenerating would overwrite them.
 */
@Extension
@Command(name = "docs",
        description = "Regenerate docs/ (architecture, diagrams, runbooks, inventory) and scripts/ from the desired state",
        footer = {"docs", "docs --open", "docs --json"})
public class DocsCommand implements ConsoleCommand {
    /** Where generated files of this plugin live. */
    static final List<String> OWN = List.of("docs/", "scripts/");
    private final Opener opener;
    @Option(names = "--open", description = "open docs/architecture.md in the desktop's viewer afterwards")
    private boolean open;

    public DocsCommand() {
        this(Opener.DESKTOP);
    }

    DocsCommand(Opener opener) {
        this.opener = opener;
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        DocsResult result = run(ctx, open);
        if (ctx.console().jsonRequested()) {
            ctx.console().json(result);
        } else {
            DocsView.render(ctx.console(), result, ctx.state().load(StateKind.DESIRED).guests().isEmpty());
        }
        return CommandResult.ok();
    }

    /** Does the work. */
    DocsResult run(KernelContext ctx, boolean open) {
        List<String> edited = ctx.editedGeneratedFiles().stream().filter(p -> !own(p)).toList();
        if (!edited.isEmpty()) {
            throw new CommandException(edited.get(0) + (edited.size() > 1 ? " and " + (edited.size() - 1) + " more generated files" : "")
                    + " changed by hand; run /sync first to read the edits back (/docs regenerates every generated file)");
        }
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        GenerationReport report = ctx.regenerate(desired);
        List<String> warnings = report.diagnostics().stream()
                .filter(d -> d.severity() != Severity.INFO)
                .map(d -> d.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + d.summary()).toList();
        String opened = "";
        if (open) {
            Path file = ctx.workspace().resolve("docs/architecture.md");
            opened = opener.open(file) ? "docs/architecture.md" : "";
            if (opened.isEmpty()) {
                warnings = new java.util.ArrayList<>(warnings);
                warnings.add("no viewer found to open " + file + " (tried xdg-open, open); open it yourself");
            }
        }
        return new DocsResult(report.written().stream().filter(DocsCommand::own).toList(),
                report.unchanged().stream().filter(DocsCommand::own).toList(),
                report.removed().stream().filter(DocsCommand::own).toList(), warnings, opened);
    }

    static boolean own(String path) {
        return OWN.stream().anyMatch(path::startsWith);
    }
}
