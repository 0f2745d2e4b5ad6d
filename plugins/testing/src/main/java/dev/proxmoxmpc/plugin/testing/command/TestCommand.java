package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.report.JUnitXml;
import dev.proxmoxmpc.plugin.testing.run.Phase;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code /test}: runs the project's tests. {@code --phase plan} checks the desired state before anything is applied
 * (capacity, names, storages, bridges, the /validate rules; no server writes); {@code --phase live} (the default)
 * checks the server. Exit 1 when an error-severity check failed.
 */
@Extension
@Command(name = "test", description = "Run the infrastructure tests (plan: the desired state; live: the server)",
        footer = {"test", "test web-01", "test tests/integration --phase live", "test --phase plan",
                "proxmox-mpc test --junit target/infra-tests.xml"})
@AssistantTool(Safety.READ)
public class TestCommand implements ConsoleCommand {
    @Parameters(paramLabel = "NAME|PATH", arity = "0..1", description = "only this guest's tests, or this file or folder under tests/")
    private String target;
    @Option(names = "--phase", paramLabel = "plan|live", completionCandidates = Phases.class,
            description = "plan: the desired state, no server writes; live: the server (default)")
    private String phase;
    @Option(names = "--junit", paramLabel = "FILE", description = "also write the results as JUnit XML")
    private String junit;

    /** Tab: the phases. */
    static final class Phases extends FixedCandidates {
        Phases() {
            super("plan", "live");
        }
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        TestOptions options = TestOptions.of(target, phase, junit);
        TestReport report = options.phase() == Phase.PLAN
                ? TestRuns.plan(ctx, ctx.state().load(StateKind.DESIRED), ctx.state().load(StateKind.OBSERVED),
                        PolicyRequest.ServerReader.NONE, options.target())
                : TestRuns.live(ctx, options.target());
        if (options.junit().isPresent()) {
            writeJunit(ctx, options.junit().get(), report);
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(report);
        } else {
            TestView.render(ctx.console(), report);
        }
        return report.failed() == 0 ? CommandResult.ok()
                : CommandResult.failure(report.failed() + " check" + (report.failed() == 1 ? "" : "s") + " failed");
    }

    private static void writeJunit(KernelContext ctx, String file, TestReport report) {
        Path p = ctx.workspace().root().resolve(file).normalize();
        if (p.getFileName() == null || Files.isDirectory(p)) {
            // "/" or a directory: no file name to write, and the temporary file would land in the working directory
            throw new dev.proxmoxmpc.spi.command.UsageException("%s %s must name a file, not a directory".formatted("--junit", file));
        }
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Path tmp = p.getParent().resolve(p.getFileName() + ".tmp");
            Files.writeString(tmp, JUnitXml.write(report), StandardCharsets.UTF_8);
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
