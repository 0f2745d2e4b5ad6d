package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.ct;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.template;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {
    @TempDir
    Path root;

    private Harness synced() {
        Harness h = new Harness(root, inventory(vm(101, "web"), vm(102, "db"), vm(103, "cache"), ct(200, "dns"), template(9000, "tpl")));
        h.run("sync");
        return h;
    }

    /** Changes the desired state the way the resource commands do. */
    private static void want(Harness h, Guest... guests) {
        Inventory d = h.state.load(StateKind.DESIRED);
        for (Guest g : guests) {
            d = d.withGuest(g);
        }
        h.state.save(StateKind.DESIRED, d);
    }

    private static long count(List<Change> applied, int vmid, ChangeAction action) {
        return applied.stream().filter(c -> c.target().id().equals("" + vmid) && c.action() == action).count();
    }

    @Test
    void applyCarriesOutThePlanAndTheNextPlanIsEmpty() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")), vm(105, "new", Map.of("mpc.clone-from", "9000")));
        h.console.yes(true);
        assertThat(h.run("apply").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("8192");
        assertThat(h.server.server().guest(105)).isPresent();
        assertThat(h.all()).contains("+ vm/105 new  (will be cloned from 9000)", "Apply complete");
        assertThat(h.console.progresses()).as("one step per change of the plan").contains("Applying 4/4");
        assertThat(h.run("plan").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).endsWith("No changes. The server matches the desired state.");
        assertThat(h.state.auditEntries(10)).extracting(a -> a.action() + " " + a.target() + " " + a.result())
                .contains("apply update vm/101 ok", "apply clone vm/105 ok");
        assertThat(h.state.load(StateKind.DESIRED).guest(105).orElseThrow().value("mpc.clone-from")).isEqualTo("9000");
    }

    @Test
    void applyStopsAtTheFirstFailureAndARerunContinuesWithoutRepeating() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")), vm(102, "db", Map.of("memory", "8192")),
                vm(103, "cache", Map.of("memory", "8192")));
        h.server.failWhen(c -> c.target().id().equals("102"));
        h.console.yes(true);
        var first = h.run("apply");
        assertThat(first.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(first.message()).contains("apply stopped after 1 of 3 changes: injected failure", "run /apply again");
        assertThat(h.all()).contains("(not attempted)");
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("8192");
        assertThat(h.server.server().guest(103).orElseThrow().value("memory")).isEqualTo("4096");
        assertThat(h.state.load(StateKind.OBSERVED).guest(101).orElseThrow().value("memory")).isEqualTo("8192");
        assertThat(h.state.load(StateKind.BASE).guest(101).orElseThrow().value("memory")).isEqualTo("8192");
        assertThat(h.state.load(StateKind.DESIRED).guest(102).orElseThrow().value("memory")).isEqualTo("8192");

        h.server.failWhen(c -> false);
        assertThat(h.run("apply").exitCode()).isEqualTo(ExitCode.OK);
        List<Change> applied = h.server.applied();
        assertThat(count(applied, 101, ChangeAction.UPDATE)).isEqualTo(1);
        assertThat(count(applied, 102, ChangeAction.UPDATE)).isEqualTo(1);
        assertThat(count(applied, 103, ChangeAction.UPDATE)).isEqualTo(1);
        assertThat(h.server.server().guests()).allMatch(g -> g.template() || g.kind() != dev.proxmoxmpc.spi.model.GuestKind.VM
                || g.value("memory").equals("8192"));
    }

    @Test
    void applyRefusesWhileAnotherConsoleHoldsTheLock() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")));
        h.console.yes(true);
        try (StateLock held = h.state.lock("apply", "alice on host1 pid 42")) {
            var r = h.run("apply");
            assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
            assertThat(r.message()).contains("alice on host1 pid 42");
        }
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void planAndApplyRefuseBeforeTheFirstSync() {
        Harness h = new Harness(root, inventory(vm(101, "web")));
        h.state.save(StateKind.DESIRED, inventory(vm(105, "new")));
        h.console.yes(true);
        var plan = h.run("plan");
        assertThat(plan.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(plan.message()).contains("run /sync first");
        assertThat(h.run("apply").exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(h.server.applied()).isEmpty();
        h.run("sync");
        assertThat(h.state.load(StateKind.DESIRED).guests()).extracting(Guest::vmid).containsExactly(101, 105);
        assertThat(h.run("apply").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.server().guests()).extracting(Guest::vmid).containsExactly(101, 105);
    }

    @Test
    void aLocallyCreatedGuestWhoseVmidWasTakenOnTheServerIsAPlanError() {
        Harness h = synced();
        want(h, vm(120, "mine"));
        h.server.edit(vm(120, "theirs"));
        h.console.yes(true);
        var r = h.run("apply");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(h.all()).contains("VMID 120 was taken on the server by vm/120 theirs");
        assertThat(h.server.server().guest(120).orElseThrow().name()).isEqualTo("theirs");
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void declinedConfirmationChangesNothing() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")));
        var r = h.run("apply");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).contains("cancelled");
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void snapshotGuestsSnapshotsEveryChangedGuestFirst() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")), vm(106, "fresh"));
        h.console.yes(true);
        assertThat(h.run("apply --snapshot-guests --parallelism 2").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.snapshots()).containsExactly("101@mpc20261125T120000");
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("8192");
        assertThat(h.server.applied().get(0).action()).isEqualTo(ChangeAction.SNAPSHOT);
    }

    @Test
    void rollbackWithGuestsRestoresTheGuestSnapshotsTakenBeforeTheApply() {
        Harness h = synced();
        String snap = h.state.snapshots().get(0).id();
        want(h, vm(101, "web", Map.of("memory", "8192")));
        h.console.yes(true);
        h.run("apply --snapshot-guests");
        assertThat(h.run("rollback " + snap + " --guests").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.applied()).extracting(c -> c.action() + " " + c.target().id()).containsSubsequence(
                "SNAPSHOT 101", "UPDATE 101", "ROLLBACK 101", "START 101");
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("4096");
        assertThat(h.run("plan").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.run("rollback " + h.state.snapshots().get(0).id() + " --guests").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.all()).contains("no guest snapshots were taken");
    }

    @Test
    void planReportsChangesPendingAndJson() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")));
        assertThat(h.run("plan --offline").exitCode()).isEqualTo(ExitCode.CHANGES_PENDING);
        assertThat(h.console.output()).contains("~ vm/101 web", "memory: 4096 -> 8192", "Plan: 0 to create, 1 to update");
        h.console.jsonRequested(true);
        h.run("plan --offline");
        assertThat(h.console.jsonValues()).last().isInstanceOf(dev.proxmoxmpc.plugin.sync.render.PlanView.class)
                .satisfies(v -> assertThat(((dev.proxmoxmpc.plugin.sync.render.PlanView) v).update()).isEqualTo(1));
        assertThat(h.server.discoveries()).isEqualTo(1);
    }

    @Test
    void rollbackReturnsTheServerToASnapshot() {
        Harness h = synced();
        String snap = h.state.snapshots().get(0).id();
        want(h, vm(101, "web", Map.of("memory", "8192")), vm(107, "extra"));
        h.console.yes(true);
        h.run("apply");
        assertThat(h.server.server().guest(107)).isPresent();
        assertThat(h.run("rollback " + snap).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).contains("Plan back to snapshot " + snap, "- vm/107 extra  (will be destroyed)")
                .doesNotContain("- name = extra");
        assertThat(h.server.server().guest(107)).isEmpty();
        assertThat(h.server.server().guest(101).orElseThrow().value("memory")).isEqualTo("4096");
        assertThat(h.run("rollback nope").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void statusDiffValidateAndBackupWorkFromLocalState() {
        Harness h = synced();
        want(h, vm(101, "web", Map.of("memory", "8192")));
        assertThat(h.run("status").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).contains("VMs: 3 (3 running, 0 stopped)", "Containers: 1 (1 running, 0 stopped)", "Templates: 1",
                "last sync: just now", "Drift: None", "Pending changes: 1");
        h.run("diff web --offline");
        assertThat(h.console.output()).contains("vm/101 web", "~ memory: 4096 -> 8192");
        assertThat(h.run("validate").exitCode()).isEqualTo(ExitCode.OK);
        want(h, vm(104, "web"));
        assertThat(h.run("validate").exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(h.console.errors()).contains("name 'web' is used by several guests");
        assertThat(h.run("backup").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.state.snapshots().get(0).cause()).isEqualTo("backup");
        assertThat(h.server.discoveries()).isEqualTo(1);
    }

    @Test
    void tabCompletesNamesVmidsAndSnapshotIdsFromLocalState() {
        Harness h = synced();
        assertThat(Commands.complete(new DiffCommand(), h.ctx, List.of(""))).contains("101", "web", "9000", "tpl");
        assertThat(Commands.complete(new RollbackCommand(), h.ctx, List.of(""))).containsExactly(h.state.snapshots().get(0).id());
        assertThat(Commands.complete(new SyncCommand(), h.ctx, List.of("--policy", ""))).containsExactly("prefer-server", "prefer-local", "ask");
        assertThat(h.server.discoveries()).isEqualTo(1);
    }

    @Test
    void backupGuestsRunsVzdumpForEveryNonTemplateGuest() {
        Harness h = synced();
        assertThat(h.run("backup --guests --storage nfs").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.applied()).extracting(c -> c.action() + " " + c.target().id() + " " + c.option(Change.OPT_STORAGE))
                .containsExactly("BACKUP 101 nfs", "BACKUP 102 nfs", "BACKUP 103 nfs", "BACKUP 200 nfs");
    }

    @Test
    void restoreOfAVzdumpVolumeTargetsItsVmid() {
        Harness h = synced();
        h.console.yes(true);
        assertThat(h.run("restore local:backup/vzdump-qemu-102-2026_11_25-10_00_00.vma.zst").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.applied()).extracting(Change::action)
                .containsExactly(ChangeAction.STOP, ChangeAction.RESTORE, ChangeAction.START);
        assertThat(h.server.applied().get(1)).satisfies(c -> {
            assertThat(c.action()).isEqualTo(ChangeAction.RESTORE);
            assertThat(c.target().id()).isEqualTo("102");
            assertThat(c.option(Change.OPT_FORCE)).isEqualTo("1");
            assertThat(c.option(Change.OPT_ARCHIVE)).startsWith("local:backup/vzdump-qemu-102");
        });
    }
}
