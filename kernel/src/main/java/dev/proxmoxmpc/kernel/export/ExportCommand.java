package dev.proxmoxmpc.kernel.export;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.state.PortableState;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandException;
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
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /export DIR [--env NAME] [--format NAME] [--ci NAME]... [--force]}: writes what an {@link Exporter} makes of
 * the project into {@code DIR}, plus the CI pipelines asked for ({@code --ci github} runs the exporter
 * {@code ci-github}). The kernel's {@code project} exporter is the default; plugins add formats and CI systems.
 */
@Command(name = "export",
        description = "Export the project for deployment elsewhere (Terraform, Ansible, config without secrets, scripts, CI pipelines)",
        footer = {"export production-deployment", "export ../prod --env production", "export monitoring --format prometheus",
                "export prod-repo --env production --ci github", "export prod-repo --ci gitlab,jenkins"})
public final class ExportCommand implements ConsoleCommand {

    /**
     * What an export did.
     *
     * @param dir         the directory written
     * @param format      the exporter id
     * @param pipelines   the CI pipeline exporters' ids run besides it ({@code ci-github}), possibly none
     * @param environment the environment exported for
     * @param files       the files written, relative to {@code dir}
     * @param diagnostics the exporter's remarks
     */
    public record ExportView(String dir, String format, List<String> pipelines, String environment, List<String> files,
                             List<Diagnostic> diagnostics) {}

    @Parameters(index = "0", arity = "1", paramLabel = "DIR", description = "the directory to export to (inside or beside the project)")
    private String dir;
    @Option(names = "--env", paramLabel = "NAME", completionCandidates = EnvironmentNames.class,
            description = "the environment to export for (default: the current one)")
    private String environment = "";
    @Option(names = "--format", paramLabel = "project|NAME", completionCandidates = Formats.class,
            description = "the exporter: project (the default) or a plugin's")
    private String format = ProjectExporter.ID;
    @Option(names = "--ci", paramLabel = "github|gitlab|jenkins|azure", completionCandidates = CiSystems.class,
            description = "also write this CI system's pipeline (repeatable, or a comma list)")
    private List<String> ci = new ArrayList<>();
    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "an option for the exporter (repeatable)")
    private List<String> optionPairs = new ArrayList<>();
    @Option(names = "--force", description = "write into a directory that is not empty")
    private boolean force;

    /** Tab: the project's environments. */
    static final class EnvironmentNames implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return new ArrayList<>(ctx.config().environments().keySet());
        }
    }

    /** Tab: the exporters' ids. */
    static final class Formats implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return exporters(ctx).stream().map(Exporter::id).toList();
        }
    }

    /** Tab: the CI systems, from the exporters named {@code ci-NAME}. */
    static final class CiSystems implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return ciSystems(ctx);
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    /** @return the options checked (pure) */
    ExportOptions options() {
        return ExportOptions.of(dir, environment, format, force, optionPairs, ci);
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        ExportOptions options = options();
        ExportView view = run(ctx, options);
        render(ctx, options, view);
        return CommandResult.ok();
    }

    private ExportView run(KernelContext ctx, ExportOptions options) {
        ProjectConfig cfg = ctx.config();
        String envName = options.environment().isEmpty() ? cfg.currentEnvironment() : options.environment();
        if (!cfg.environments().containsKey(envName)) {
            throw new UsageException("no environment named '" + envName + "'" + Suggest.closest(envName,
                    cfg.environments().keySet()).map(s -> "; did you mean " + s + "?").orElse("; see /environment list"));
        }
        Inventory desired = ctx.state().load(StateKind.DESIRED);
        List<Exporter> chosen = new ArrayList<>();
        chosen.add(exporter(ctx, options.format(), desired));
        for (String system : options.ci()) {
            chosen.add(pipeline(ctx, system));
        }
        ExportRequest request = new ExportRequest(desired, envName, List.copyOf(cfg.environments().values()),
                generated(ctx, cfg, envName, desired), options.options());
        Map<String, GeneratedFile> files = new TreeMap<>();
        Map<String, String> writtenBy = new TreeMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Exporter exporter : chosen) {
            ExportResult result = exporter.export(request, ctx);
            for (GeneratedFile f : result.files()) {
                String other = writtenBy.putIfAbsent(f.path(), exporter.id());
                if (other != null) {
                    throw new CommandException("exporters " + other + " and " + exporter.id() + " both write " + f.path()
                            + "; export them into separate directories");
                }
                files.put(f.path(), f);
            }
            diagnostics.addAll(result.diagnostics());
        }
        Path dir = ctx.workspace().root().resolve(options.dir()).normalize();
        Path written = ExportWriter.write(dir, List.copyOf(files.values()), options.force());
        for (Exporter exporter : chosen) {
            ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "export", "export/" + exporter.id(), "ok", 0));
        }
        return new ExportView(written.toString(), chosen.get(0).id(),
                chosen.subList(1, chosen.size()).stream().map(Exporter::id).toList(), envName,
                List.copyOf(files.keySet()), diagnostics);
    }

    /** @return the CI systems: the exporters named {@code ci-NAME}, without the prefix */
    private static List<String> ciSystems(KernelContext ctx) {
        return exporters(ctx).stream().map(Exporter::id).filter(id -> id.startsWith(ExportOptions.CI_PREFIX))
                .map(id -> id.substring(ExportOptions.CI_PREFIX.length())).toList();
    }

    private static Exporter pipeline(KernelContext ctx, String system) {
        List<String> known = ciSystems(ctx);
        return exporters(ctx).stream().filter(e -> e.id().equals(ExportOptions.CI_PREFIX + system)).findFirst()
                .orElseThrow(() -> new UsageException("no CI system '" + system + "'" + Suggest.closest(system, known)
                        .map(s -> "; did you mean " + s + "?").orElse("") + "; known: "
                        + (known.isEmpty() ? "none (is the cicd plugin installed?)" : String.join(", ", known))));
    }

    private Exporter exporter(KernelContext ctx, String format, Inventory desired) {
        if (format.equals(ProjectExporter.ID)) {
            ConfigDocument doc = new ConfigStore(ctx.workspace()).read();
            return new ProjectExporter(ConfigStore.render(portable(doc)), PortableState.PATH, PortableState.write(desired));
        }
        List<Exporter> all = exporters(ctx);
        return all.stream().filter(e -> e.id().equals(format)).findFirst().orElseThrow(() -> new UsageException(
                "no exporter '" + format + "'" + Suggest.closest(format, all.stream().map(Exporter::id).toList())
                        .map(s -> "; did you mean " + s + "?").orElse("") + "; formats: "
                        + String.join(", ", all.stream().map(Exporter::id).toList())));
    }

    private static List<Exporter> exporters(KernelContext ctx) {
        List<Exporter> all = new ArrayList<>();
        all.add(new ProjectExporter("", PortableState.PATH, ""));
        all.addAll(ctx.extensions(Exporter.class));
        return all;
    }

    /** The project's config as the export carries it: every environment, local SQLite state, no state URL. */
    private static ConfigDocument portable(ConfigDocument doc) {
        doc.state = new ConfigDocument.StateDocument();
        return doc;
    }

    private static final String ANSIBLE_GROUP_VARS = "ansible/group_vars/all.yml";

    /**
     * @return every generator's files for {@code envName}, plus every environment's tfvars file and Ansible
     *         {@code group_vars} ({@code ansible/environments/<env>/group_vars/all.yml})
     */
    private static Map<String, String> generated(KernelContext ctx, ProjectConfig cfg, String envName, Inventory desired) {
        Map<String, String> out = new TreeMap<>();
        for (EnvironmentConfig env : cfg.environments().values()) {
            for (Generator g : ctx.extensions(Generator.class)) {
                var result = g.generate(new GenerationRequest(desired, env.name(), env.endpoint(),
                        cfg.generatorOptions(g.id()), ctx.templates()));
                for (GeneratedFile f : result.files()) {
                    if (env.name().equals(envName) || f.path().equals("terraform/environments/" + env.name() + ".tfvars")) {
                        out.put(f.path(), f.content());
                    }
                    if (f.path().equals(ANSIBLE_GROUP_VARS)) { // every environment's Ansible values, beside each other
                        out.put("ansible/environments/" + env.name() + "/group_vars/all.yml", f.content());
                    }
                }
            }
        }
        return out;
    }

    private static void render(KernelContext ctx, ExportOptions options, ExportView view) {
        if (ctx.console().jsonRequested()) {
            ctx.console().json(view);
            return;
        }
        ctx.console().success("Exported " + view.files().size() + " files to " + view.dir() + " (format "
                + view.format() + (view.pipelines().isEmpty() ? "" : ", pipelines " + String.join(", ", view.pipelines()))
                + ", environment " + view.environment() + ").");
        view.diagnostics().forEach(d -> {
            if (d.severity() == Severity.ERROR || d.severity() == Severity.WARNING) {
                ctx.console().warn(d.summary());
            } else {
                ctx.console().info(d.summary());
            }
        });
        if (view.format().equals(ProjectExporter.ID)) {
            ctx.console().info("Next: cd " + options.dir() + " && proxmox-mpc, then /environment switch "
                    + view.environment() + ", /plan and /apply (see its README.md).");
        }
    }
}
