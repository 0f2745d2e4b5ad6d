package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.fake.FakeSession;
import dev.proxmoxmpc.plugin.sync.fake.TextGenerator;
import dev.proxmoxmpc.plugin.sync.fake.TextImporter;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/** A kernel context with every sync command, a text generator/importer, and a fake server. */
final class Harness {
    final FakeSession server;
    final RecordingConsole console = new RecordingConsole();
    final InMemoryStateStore state;
    final TestKernelContext ctx;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

    Harness(Path root, Inventory serverInventory, Object... more) {
        this(root, serverInventory, (ProjectConfig) null, b -> { }, more);
    }

    /** @param custom adjusts the context (environments that require approval, ...) */
    Harness(Path root, Inventory serverInventory, Consumer<TestKernelContext.Builder> custom, Object... more) {
        this(root, serverInventory, (ProjectConfig) null, custom, more);
    }

    /** @param config the project's config, or null for the test kit's (one environment, no mapping) */
    Harness(Path root, Inventory serverInventory, ProjectConfig config, Object... more) {
        this(root, serverInventory, config, b -> { }, more);
    }

    private Harness(Path root, Inventory serverInventory, ProjectConfig config, Consumer<TestKernelContext.Builder> custom,
                    Object... more) {
        this.server = new FakeSession(serverInventory);
        this.state = new InMemoryStateStore(clock);
        TestKernelContext.Builder b = TestKernelContext.builder();
        if (config != null) {
            b.config(config);
        }
        b.root(root).console(console).state(state).clock(clock)
                .sessions(() -> server)
                .extension(new SyncCommand(), new StatusCommand(), new DiffCommand(), new PlanCommand(), new ApplyCommand(),
                        new RollbackCommand(), new BackupCommand(), new RestoreCommand(), new ImportCommand(),
                        new TextGenerator(), new TextImporter(), new ShowCommand(), new ApproveCommand(), new AuditReportCommand())
                .extension(more);
        custom.accept(b);
        this.ctx = b.build();
    }

    /** @return everything printed, standard and error lines. */
    String all() {
        return console.output() + "\n" + console.errors();
    }

    CommandResult run(String line) {
        return ctx.execute(line);
    }
}
