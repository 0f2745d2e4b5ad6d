package dev.proxmoxmpc.plugin.testing.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proxmoxmpc.plugin.testing.policy.Finding;
import dev.proxmoxmpc.plugin.testing.policy.PolicyEngine;
import dev.proxmoxmpc.plugin.testing.policy.PolicyFile;
import dev.proxmoxmpc.plugin.testing.policy.RuleRun;
import dev.proxmoxmpc.plugin.testing.policy.ValidateReport;
import dev.proxmoxmpc.plugin.testing.report.Sarif;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code /validate}: every {@link Policy} (bundled best practices, plugins' rules, the project's CEL rules) over the
 * desired state, with {@code .proxmox/policies.yml} applied. Rules that need the server connect on demand and are
 * skipped with the reason when it cannot be asked. Only error findings fail the command (and block /apply).
 */
@Extension
@Command(name = "validate", description = "Check the desired state against best practices and the project's policies",
        footer = {"validate", "validate --json", "validate --sarif validate.sarif"})
@AssistantTool(Safety.READ)
public class ValidateCommand implements ConsoleCommand {
    @Option(names = "--sarif", paramLabel = "FILE", description = "also write the findings as SARIF 2.1.0")
    private String sarif;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        PolicyFile file = ProjectFiles.policies(ctx.workspace());
        List<Policy> rules = TestRuns.rules(ctx, file);
        ValidateReport report;
        try (LazyServer server = new LazyServer(ctx)) {
            report = PolicyEngine.run(rules, file, new PolicyEngine.Inputs(ctx.state().load(StateKind.DESIRED),
                    ctx.state().load(StateKind.OBSERVED), ctx.config().currentEnvironment(), server));
        }
        if (sarif != null) {
            writeSarif(ctx, sarif, report);
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(report);
        } else {
            render(ctx, report);
        }
        return report.errors() == 0 ? CommandResult.ok()
                : CommandResult.failure(report.errors() + " policy error" + (report.errors() == 1 ? "" : "s")
                + "; fix the desired state (or change the rule in " + PolicyFile.PATH + ") and run /validate again");
    }

    private static void render(KernelContext ctx, ValidateReport report) {
        for (Finding f : report.findings()) {
            String line = f.message() + " [" + f.rule() + "]";
            switch (f.severity()) {
                case "error" -> ctx.console().error(line);
                case "warning" -> ctx.console().warn(line);
                default -> ctx.console().info(line);
            }
        }
        for (RuleRun r : report.rules()) {
            if (r.status().equals("skipped") || r.status().equals("failed")) {
                ctx.console().println(r.status() + " " + r.id() + ": " + r.reason());
            }
        }
        long ran = report.rules().stream().filter(r -> r.status().equals("ran")).count();
        ctx.console().println(ran + " rules checked, " + report.errors() + " errors, " + report.warnings() + " warnings");
    }

    private static void writeSarif(KernelContext ctx, String file, ValidateReport report) {
        Path p = ctx.workspace().root().resolve(file).normalize();
        if (p.getFileName() == null || Files.isDirectory(p)) {
            // "/" or a directory: no file name to write, and the temporary file would land in the working directory
            throw new dev.proxmoxmpc.spi.command.UsageException("%s %s must name a file, not a directory".formatted("--sarif", file));
        }
        String version = ValidateCommand.class.getPackage().getImplementationVersion();
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Path tmp = p.getParent().resolve(p.getFileName() + ".tmp");
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(),
                    Sarif.of(report, version == null ? "0.1.0-dev" : version));
            Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
