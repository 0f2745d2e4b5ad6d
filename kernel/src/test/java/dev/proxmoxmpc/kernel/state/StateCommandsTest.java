package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.testkit.SampleInventories;
import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.testkit.MutableClock;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /history and /unlock on a real SQLite store. */
class StateCommandsTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T20:35:41Z"));
    final RecordingConsole console = new RecordingConsole();
    MyBatisStateStore store;

    @BeforeEach
    void open() {
        store = StateStores.sqlite(dir.resolve("state.db"), dir.resolve("history"), clock, StateStores.Missing.CREATE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TestKernelContext ctx() {
        return TestKernelContext.builder().root(dir).console(console).state(store).clock(clock).build();
    }

    @Test
    void historyListsSnapshotsNewestFirstAsATableOrJson() {
        store.snapshot("sync", SampleInventories.cluster());
        clock.advance(Duration.ofMinutes(5));
        store.snapshot("apply", SampleInventories.small());
        Commands.run(new HistoryCommand(), ctx(), List.of());
        assertThat(console.lines()).containsExactly("ID\tTIME\tCAUSE\tNODES\tVMS\tCONTAINERS",
                "20261125-204041-apply\t2026-11-25T20:40:41Z\tapply\t1\t1\t0",
                "20261125-203541-sync\t2026-11-25T20:35:41Z\tsync\t2\t2\t1");

        RecordingConsole json = new RecordingConsole().jsonRequested(true);
        Commands.run(new HistoryCommand(), TestKernelContext.builder().root(dir).console(json).state(store).build(),
                List.of("--limit", "1"));
        assertThat(json.jsonValues()).singleElement().isEqualTo(List.of(new SnapshotInfo("20261125-204041-apply",
                Instant.parse("2026-11-25T20:40:41Z"), "apply", 1, 1, 0)));
    }

    @Test
    void historySaysWhenThereIsNothingYet() {
        Commands.run(new HistoryCommand(), ctx(), List.of());
        assertThat(console.output()).contains("No snapshots yet");
    }

    @Test
    void unlockRemovesAStaleLock() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        store.inTransaction("seed", m -> {
            m.insertLock("apply", "", "crashed run", gone.pid(), LocalProcess.host(), "2026-11-25T20:00:00.000000000Z");
            return null;
        });
        Commands.run(new UnlockCommand(), ctx(), List.of("apply"));
        assertThat(store.lockHolder("apply")).isEmpty();
        assertThat(console.output()).contains("Removed the apply lock of crashed run");
    }

    @Test
    void unlockKeepsALockWhoseHolderStillRuns() {
        store.lock("apply", "alice");
        assertThatThrownBy(() -> Commands.run(new UnlockCommand(), ctx(), List.of("apply")))
                .isInstanceOf(CommandException.class).hasMessageContaining("still running");
        assertThat(store.lockHolder("apply")).isPresent();
        Commands.run(new UnlockCommand(), ctx(), List.of("apply", "--force"));
        assertThat(store.lockHolder("apply")).isEmpty();
    }

    @Test
    void unlockAndHistoryCompleteTheLockNameAndTheirFlags() {
        assertThat(Commands.complete(new UnlockCommand(), ctx(), List.of(""))).containsExactly("apply");
        assertThat(Commands.complete(new UnlockCommand(), ctx(), List.of("--"))).containsExactly("--force");
        assertThat(Commands.complete(new UnlockCommand(), ctx(), List.of("apply", ""))).containsExactly("--force");
        assertThat(Commands.complete(new HistoryCommand(), ctx(), List.of(""))).contains("--limit");
    }

    @Test
    void unlockRefusesUnsafeNames() {
        assertThatThrownBy(() -> Commands.run(new UnlockCommand(), ctx(), List.of("../apply")))
                .isInstanceOf(UsageException.class).hasMessageContaining("not a lock name");
    }
}
