package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a killed /apply leaves (its journal: one create done but not recorded, one sent without an outcome) is
 * reconciled with the server on the next run: adopted, planned again, or planned around while its task still runs.
 */
class CrashRecoveryTest {
    @TempDir
    Path root;

    /** A synced project whose desired state wants kill-1 (112) and kill-2 (113); the apply creating them was killed. */
    private Harness killedApply(JournalEntry.Status second) {
        Harness h = new Harness(root, inventory(vm(101, "web")));
        h.run("sync");
        Inventory desired = h.state.load(StateKind.DESIRED);
        h.state.save(StateKind.DESIRED, desired.withGuest(vm(112, "kill-1")).withGuest(vm(113, "kill-2")));
        h.clock.advance(Duration.ofMinutes(1));
        h.server.edit(vm(112, "kill-1")); // created on the server; the process died before recording it in the state
        h.state.journal(new JournalEntry("run-1", 1, h.clock.instant(), "CREATE", "vm/112", "pve1", "create vm/112 kill-1",
                JournalEntry.Status.SUCCEEDED, "UPID:pve1:1"));
        h.state.journal(new JournalEntry("run-1", 2, h.clock.instant(), "CREATE", "vm/113", "pve1", "create vm/113 kill-2",
                second, ""));
        return h;
    }

    @Test
    void planAdoptsWhatTheKilledApplyCreatedAndPlansOnlyTheRest() {
        Harness h = killedApply(JournalEntry.Status.INTENT);
        assertThat(h.run("plan --detailed-exitcode").exitCode()).as(h.all()).isEqualTo(ExitCode.CHANGES_PENDING);
        assertThat(h.all()).contains("adopted vm/112 kill-1: the interrupted /apply created it")
                .contains("create vm/113 kill-2: not done by the interrupted /apply; planned again")
                .contains("Plan: 1 to create, 0 to update, 0 to replace, 0 to delete.")
                .doesNotContain("was taken on the server");
        assertThat(h.state.openJournal()).isEmpty();
        assertThat(h.state.journalEntries(10)).anySatisfy(e -> assertThat(e.status()).isEqualTo(JournalEntry.Status.NOT_DONE));
        h.run("apply --yes");
        assertThat(h.server.applied()).extracting(Change::summary).containsExactly("create vm/113 kill-2");
        assertThat(h.server.server().guest(113)).isPresent();
        assertThat(h.state.journalEntries(1)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(JournalEntry.Status.SUCCEEDED));
    }

    @Test
    void theNextSyncDoesNotReportTheKilledApplysWorkAsDriftOrConflict() {
        Harness h = killedApply(JournalEntry.Status.INTENT);
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).contains("Drift: None", "Conflicts: None");
        assertThat(h.state.load(StateKind.DESIRED).guest(113)).as("the wanted guest stays wanted").isPresent();
    }

    @Test
    void aTaskStillRunningOnTheServerIsNamedAndPlannedAround() {
        Harness h = killedApply(JournalEntry.Status.INTENT);
        h.server.edit(vm(113, "kill-2")); // being created: its task has not ended
        String upid = "UPID:pve1:0000ABCD:00000001:6752F000:qmcreate:113:root@pam!mpc:";
        h.server.addTask(new TaskRecord(upid, "pve1", "qmcreate", "113", "root@pam", "mpc", Instant.now(), Optional.empty(), ""));
        assertThat(h.run("plan --detailed-exitcode").exitCode()).as(h.all()).isEqualTo(ExitCode.OK);
        assertThat(h.all()).contains("still running on the server from an interrupted /apply: " + upid + " (qmcreate 113)")
                .contains("planned around VMID 113");
        assertThat(h.state.openJournal()).as("settled once the task ended").hasSize(1);
    }

    @Test
    void applyJournalsEveryChangeBeforeAndAfter() {
        Harness h = new Harness(root, inventory(vm(101, "web")));
        h.run("sync");
        h.state.save(StateKind.DESIRED, h.state.load(StateKind.DESIRED).withGuest(vm(120, "new")));
        h.server.failWhen(c -> false);
        h.run("apply --yes");
        assertThat(h.state.journalEntries(10)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(JournalEntry.Status.SUCCEEDED);
            assertThat(e.summary()).isEqualTo("create vm/120 new");
            assertThat(e.target()).isEqualTo("vm/120");
        });
    }
}
