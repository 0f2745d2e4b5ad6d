package dev.proxmoxmpc.plugin.cicd.pipeline;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.iac.ExportResult;
import dev.proxmoxmpc.spi.iac.Exporter;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A CI system's pipeline as an {@link Exporter} with the id {@code ci-NAME}: {@code /export DIR --ci NAME} writes it
 * into an export, {@code /ci generate NAME} into the project. The pipeline is the Handlebars template
 * {@code ci/TEMPLATE} (a project overrides it in {@code .proxmox/templates/ci/}), rendered from a {@link PipelineModel}
 * and headed by a {@link GeneratedHeader}. On a change request it validates, tests and plans, and publishes the plan;
 * after merge it plans again, refuses a plan that differs from the reviewed one, waits for the CI's approval gate
 * and applies exactly the saved plan. It runs on a self-hosted runner: the cluster is on a LAN.
 */
public abstract class PipelineExporter implements Exporter {
    private final String system;
    private final String path;
    private final String template;
    private final String comment;
    private final String title;

    /**
     * @param system   the CI system's name ({@code github}); the exporter's id is {@code ci-github}
     * @param path     where the CI reads its pipeline, relative to the repository root
     * @param template the template name under {@code templates/}, without {@code .hbs}
     * @param comment  the comment marker of the pipeline's language
     * @param title    the CI system's name for people
     */
    protected PipelineExporter(String system, String path, String template, String comment, String title) {
        this.system = system;
        this.path = path;
        this.template = template;
        this.comment = comment;
        this.title = title;
    }

    @Override
    public String id() {
        return "ci-" + system;
    }

    /** @return the CI system's name as {@code --ci} and {@code /ci generate} take it */
    public String system() {
        return system;
    }

    /** @return the pipeline file's path in the repository */
    public String path() {
        return path;
    }

    @Override
    public String summary() {
        return title + " pipeline (" + path + "): plan on change requests, apply the approved plan after merge";
    }

    /** Without the kernel there is no template engine: nothing is written, and the diagnostic says why. */
    @Override
    public ExportResult export(ExportRequest request) {
        return new ExportResult(List.of(), List.of(Diagnostic.error(id() + " renders its pipeline with the kernel's"
                + " template engine; it runs through /export --ci " + system + " or /ci generate " + system, id())));
    }

    @Override
    public ExportResult export(ExportRequest request, KernelContext ctx) {
        EnvironmentConfig env = request.environments().stream().filter(e -> e.name().equals(request.environment()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no environment " + request.environment()));
        PipelineModel model;
        String body;
        try {
            model = PipelineModel.of(env, ctx.secrets().variable(env.secretName()),
                    PipelineSettings.of(ctx.config().generatorOptions(PipelineSettings.SECTION)));
            body = ctx.templates().render(PipelineExporter.class, template, model);
        } catch (IllegalArgumentException e) {
            throw new CommandException(id() + ": " + e.getMessage());
        }
        return new ExportResult(List.of(new GeneratedFile(path, GeneratedHeader.prepend(comment, body))),
                diagnostics(model, env));
    }

    /** @return what a person must set up in the CI for this pipeline to run */
    protected abstract List<String> setup(PipelineModel model);

    private List<Diagnostic> diagnostics(PipelineModel model, EnvironmentConfig env) {
        List<Diagnostic> out = new ArrayList<>();
        for (String step : setup(model)) {
            out.add(Diagnostic.info(title + ": " + step, id()));
        }
        if (env.insecure()) {
            out.add(Diagnostic.warning("environment " + env.name() + " skips TLS verification; pin its certificate"
                    + " (environment add --fingerprint) before a pipeline talks to it", id()));
        }
        return out;
    }
}
