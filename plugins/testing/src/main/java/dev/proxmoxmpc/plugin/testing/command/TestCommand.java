package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.report.JUnitXml;
import dev.proxmoxmpc.plugin.testing.run.Phase;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code /test}: runs the project's tests. {@code --phase plan} checks the desired state before anything is applied
 * (capacity, names, storages, bridges, the /validate rules; no server writes); {@code --phase live} (the default)
 * checks the server. Exit 1 when an error-severity check failed.
 */
@Extension
public class TestCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public String summary() {
        return "Run the infrastructure tests (plan: the desired state; live: the server)";
    }

    @Override
    public String usage() {
        return "test [NAME|PATH] [--phase plan|live] [--junit FILE] [--json]";
    }

    @Override
    public List<String> examples() {
        return List.of("test", "test web-01", "test tests/integration --phase live", "test --phase plan",
                "proxmox-mpc test --junit target/infra-tests.xml");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        String previous = words.size() >= 2 ? words.get(words.size() - 2) : "";
        if (previous.equals("--phase")) {
            return List.of("plan", "live");
        }
        return List.of("--phase", "--junit", "--json");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> words) {
        TestOptions options = TestOptions.parse(words);
        TestReport report = options.phase() == Phase.PLAN
                ? TestRuns.plan(ctx, ctx.state().load(StateKind.DESIRED), ctx.state().load(StateKind.OBSERVED),
                        PolicyRequest.ServerReader.NONE, options.target())
                : TestRuns.live(ctx, options.target());
        if (options.junit().isPresent()) {
            writeJunit(ctx, options.junit().get(), report);
        }
        if (options.json() || ctx.console().jsonRequested()) {
            ctx.console().json(report);
        } else {
            TestView.render(ctx.console(), report);
        }
        return report.failed() == 0 ? CommandResult.ok()
                : CommandResult.failure(report.failed() + " check" + (report.failed() == 1 ? "" : "s") + " failed");
    }

    private static void writeJunit(KernelContext ctx, String file, TestReport report) {
        Path p = ctx.workspace().root().resolve(file);
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            Files.writeString(tmp, JUnitXml.write(report), StandardCharsets.UTF_8);
            Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
