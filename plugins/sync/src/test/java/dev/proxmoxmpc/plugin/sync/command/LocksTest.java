package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apply lock made explicit: who holds it, since when, from where; stale ones reported and taken over aloud. */
class LocksTest {
    @TempDir
    Path root;

    private Harness synced() {
        Harness h = new Harness(root, inventory(vm(101, "web")));
        h.run("sync");
        h.state.save(StateKind.DESIRED, h.state.load(StateKind.DESIRED).withGuest(vm(101, "web", Map.of("memory", "8192"))));
        return h;
    }

    @Test
    void readOnlyCommandsReportAStaleLockAndLeaveIt() {
        Harness h = synced();
        h.state.leaveStaleLock("apply", "bob running /apply", 4242, "host1");
        h.run("status");
        assertThat(h.all()).contains("Lock: stale apply lock of bob running /apply (pid 4242 on host1) since");
        h.run("plan");
        assertThat(h.all()).contains("warning: stale apply lock of bob running /apply (pid 4242 on host1)")
                .contains("its process is gone");
        assertThat(h.state.locks()).singleElement().satisfies(l -> assertThat(l.stale()).isTrue());
    }

    @Test
    void theCommandThatTakesAStaleLockOverSaysSo() {
        Harness h = synced();
        h.state.leaveStaleLock("apply", "bob running /apply", 4242, "host1");
        h.console.yes(true);
        assertThat(h.run("apply --yes").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.all()).contains("took over the stale apply lock of bob running /apply (pid 4242 on host1)")
                .contains("its process is gone");
        assertThat(h.state.locks()).isEmpty();
    }

    @Test
    void aSecondApplyNamesTheHolderBeforePlanningAndJsonCarriesIt() {
        Harness h = synced();
        int discoveries = h.server.discoveries();
        try (StateLock held = h.state.lock("apply", "alice running /apply")) {
            var r = h.run("apply --yes --json");
            assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(r.message()).contains("the apply lock is held by alice running /apply");
            assertThat(h.console.jsonValues()).singleElement().isInstanceOfSatisfying(ApplyResult.class, j -> {
                assertThat(j.outcome()).isEqualTo("locked");
                assertThat(j.message()).contains("alice running /apply");
            });
        }
        assertThat(h.server.discoveries()).as("nothing read or planned").isEqualTo(discoveries);
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void syncTakesTheLockSoItNeverImportsAnApplysWorkInFlight() {
        Harness h = synced();
        try (StateLock held = h.state.lock("apply", "alice running /apply")) {
            var r = h.run("sync");
            assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(r.message()).contains("the apply lock is held by alice running /apply");
        }
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.state.locks()).as("released after the sync").isEmpty();
    }

    @Test
    void rollbackAndRestoreTakeTheLockBeforeTheyReadOrPlanAndNameTheHolder() {
        Harness h = synced();
        String snapshot = h.state.snapshots().get(0).id();
        int discoveries = h.server.discoveries();
        try (StateLock held = h.state.lock("apply", "alice running /apply")) {
            for (String line : List.of("rollback " + snapshot + " --yes", "restore " + snapshot + " --yes",
                    "restore local:backup/vzdump-qemu-101-2026_01_01-00_00_00.vma.zst --yes")) {
                var r = h.run(line);
                assertThat(r.exitCode()).as(line).isEqualTo(ExitCode.FAILURE);
                assertThat(r.message()).as(line).contains("the apply lock is held by alice running /apply");
            }
            var json = h.run("rollback " + snapshot + " --yes --json");
            assertThat(h.console.jsonValues()).last().isInstanceOfSatisfying(ApplyResult.class, j -> {
                assertThat(j.outcome()).isEqualTo("locked");
                assertThat(j.action()).isEqualTo("rollback");
            });
            assertThat(json.exitCode()).isEqualTo(ExitCode.FAILURE);
        }
        assertThat(h.server.discoveries()).as("nothing read or planned").isEqualTo(discoveries);
        assertThat(h.server.applied()).isEmpty();
    }
}
