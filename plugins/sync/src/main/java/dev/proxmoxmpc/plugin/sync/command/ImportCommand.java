package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.plan.Planner;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.Importer;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code /import DIR}: read files (Terraform HCL, an Ansible inventory) into the desired state through the
 * {@link Importer} extensions; show what could not be mapped (file:line) and the resulting plan summary.
 */
@Extension
@Command(name = "import", description = "Read Terraform or Ansible files into the desired state",
        footer = {"import terraform/", "import ../old-infra/terraform"})
public class ImportCommand implements ConsoleCommand {
    @Parameters(paramLabel = "DIR", completionCandidates = Completions.Directories.class,
            description = "the directory of Terraform or Ansible files")
    private String directory;

    /**
     * @param imported    files read, by importer
     * @param unhandled   files no importer reads
     * @param diagnostics what could not be mapped
     * @param plan        the plan summary against the stored server state
     */
    public record ImportView(List<String> imported, List<String> unhandled, List<Diagnostic> diagnostics, String plan) {}

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        Path root = ctx.workspace().root();
        Path dir = root.resolve(directory).normalize();
        if (!Files.isDirectory(dir)) {
            throw new UsageException("not a directory: " + dir);
        }
        List<String> paths = files(dir).stream().map(p -> dir.relativize(p).toString().replace('\\', '/'))
                .filter(p -> !p.startsWith(".") && !p.contains("/.")).sorted().toList();
        Imports.Outcome outcome = Imports.runDir(ctx, dir, paths, ctx.state().load(StateKind.DESIRED));
        if (outcome.imported().isEmpty()) {
            List<String> ids = ctx.extensions(Importer.class).stream().map(Importer::id).toList();
            throw new CommandException("no importer reads the files under " + dir + " (importers: "
                    + (ids.isEmpty() ? "none installed" : String.join(", ", ids)) + ")");
        }
        ctx.state().save(StateKind.DESIRED, outcome.desired());
        ctx.state().appendEvent(new Event(ctx.clock().instant(), "desired-changed", "", "imported " + outcome.imported().size()
                + " files from " + dir));
        Plan plan = new Planner(n -> Optional.of("")).plan(outcome.desired(), ctx.state().load(StateKind.OBSERVED));
        ImportView view = new ImportView(outcome.imported(), outcome.unhandled(), outcome.diagnostics(), plan.summary());
        if (ctx.console().jsonRequested()) {
            ctx.console().json(view);
        } else {
            ctx.console().success("Imported " + outcome.imported().size() + " files into the desired state");
            view.diagnostics().forEach(d -> {
                if (d.severity() == Severity.ERROR) {
                    ctx.console().error(d.toString());
                } else {
                    ctx.console().warn(d.toString());
                }
            });
            if (!view.unhandled().isEmpty()) {
                ctx.console().info(SkippedFiles.line(view.unhandled()));
            }
            ctx.console().info(plan.summary() + (plan.empty() ? "" : " Run /plan for details, /apply to carry it out."));
        }
        return CommandResult.ok();
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
