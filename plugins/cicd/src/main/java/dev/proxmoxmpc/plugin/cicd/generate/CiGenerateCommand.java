package dev.proxmoxmpc.plugin.cicd.generate;

import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.iac.Exporter;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ci generate github|gitlab|jenkins|azure [--env NAME] [--force]}: writes a CI system's pipeline into the
 * project itself, at the CI's own place ({@code .github/workflows/proxmox-mpc.yml}, {@code .gitlab-ci.yml},
 * {@code Jenkinsfile}, {@code azure-pipelines.yml}). The pipeline is the exporter {@code ci-NAME}'s, so a plugin's CI
 * system works here too. A file edited by hand is kept unless {@code --force}; an unchanged one is not rewritten.
 */
@Extension
@Command(name = "ci generate", description = "Write a CI/CD pipeline (plan on change requests, apply the approved plan after merge) into the project",
        footer = {"ci generate github", "ci generate gitlab --env production", "ci generate jenkins --force",
                "ci generate azure --json"})
public class CiGenerateCommand implements ConsoleCommand {

    /**
     * What {@code /ci generate} did.
     *
     * @param system      the CI system
     * @param environment the environment the pipeline deploys
     * @param file        the pipeline's path in the project
     * @param outcome     {@code created}, {@code updated}, {@code unchanged} or {@code overwritten}
     * @param diagnostics what to set up in the CI, and warnings
     */
    public record GenerateView(String system, String environment, String file, String outcome, List<Diagnostic> diagnostics) {}

    @Parameters(index = "0", arity = "1", paramLabel = "github|gitlab|jenkins|azure", completionCandidates = Systems.class,
            description = "the CI system")
    private String system;
    @Option(names = "--env", paramLabel = "NAME", completionCandidates = EnvironmentNames.class,
            description = "the environment the pipeline deploys (default: the current one)")
    private String environment = "";
    @Option(names = "--force", description = "replace a pipeline file that was edited by hand")
    private boolean force;

    /** Tab: the CI systems, from the exporters named {@code ci-NAME}. */
    static final class Systems implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return systems(ctx);
        }
    }

    /** Tab: the project's environments. */
    static final class EnvironmentNames implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return new ArrayList<>(new TreeSet<>(ctx.config().environments().keySet()));
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        GenerateView view = run(ctx);
        render(ctx, view);
        return CommandResult.ok();
    }

    private GenerateView run(KernelContext ctx) {
        ProjectConfig cfg = ctx.config();
        String envName = environment.isEmpty() ? cfg.currentEnvironment() : environment;
        if (!cfg.environments().containsKey(envName)) {
            throw new UsageException("no environment named '" + envName + "'" + Suggest.closest(envName,
                    cfg.environments().keySet()).map(s -> "; did you mean " + s + "?").orElse("; see /environment list"));
        }
        Exporter exporter = exporter(ctx, system);
        ExportResult result = exporter.export(new ExportRequest(ctx.state().load(StateKind.DESIRED), envName,
                List.copyOf(cfg.environments().values()), Map.of(), Map.of()), ctx);
        if (result.files().size() != 1) {
            throw new IllegalStateException(exporter.id() + " returned " + result.files().size() + " files, expected one");
        }
        GeneratedFile file = result.files().get(0);
        PipelineFiles.Outcome outcome = PipelineFiles.write(ctx.workspace(), file, force);
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        if (!Files.isRegularFile(ctx.workspace().resolve(".proxmox/desired-state.json"))) {
            diagnostics.add(Diagnostic.warning("the pipeline plans from a clone of the repository: commit the desired state"
                    + " (.proxmox/desired-state.json, written by /export) or share the state through PostgreSQL", exporter.id()));
        }
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "ci generate " + system, file.path(), "ok", 0));
        return new GenerateView(system, envName, file.path(), outcome.name().toLowerCase(Locale.ROOT), diagnostics);
    }

    private static Exporter exporter(KernelContext ctx, String system) {
        List<String> known = systems(ctx);
        return ctx.extensions(Exporter.class).stream().filter(e -> e.id().equals("ci-" + system)).findFirst()
                .orElseThrow(() -> new UsageException("no CI system '" + system + "'" + Suggest.closest(system, known)
                        .map(s -> "; did you mean " + s + "?").orElse("") + "; known: " + String.join(", ", known)));
    }

    private static List<String> systems(KernelContext ctx) {
        return ctx.extensions(Exporter.class).stream().map(Exporter::id).filter(id -> id.startsWith("ci-"))
                .map(id -> id.substring(3)).toList();
    }

    private static void render(KernelContext ctx, GenerateView view) {
        if (ctx.console().jsonRequested()) {
            ctx.console().json(view);
            return;
        }
        String verb = switch (view.outcome()) {
            case "created" -> "Wrote ";
            case "updated" -> "Updated ";
            case "overwritten" -> "Replaced (--force) ";
            default -> "Unchanged: ";
        };
        ctx.console().success(verb + view.file() + " (" + view.system() + " pipeline for environment " + view.environment() + ").");
        for (Diagnostic d : view.diagnostics()) {
            if (d.severity() == Severity.ERROR || d.severity() == Severity.WARNING) {
                ctx.console().warn(d.summary());
            } else {
                ctx.console().info("Set up " + d.summary());
            }
        }
        ctx.console().info("Next: commit it, then see docs/ci-cd.md for the runner, the secret and the approval gate.");
    }
}
