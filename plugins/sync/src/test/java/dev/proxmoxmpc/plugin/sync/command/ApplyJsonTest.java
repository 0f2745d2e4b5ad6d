package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.render.PlanView;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /apply, /rollback and /restore under --json: one ApplyResult at the end, no plan or result lines on the way. */
class ApplyJsonTest {
    @TempDir
    Path root;
    Harness h;

    @BeforeEach
    void synced() {
        h = new Harness(root, inventory(vm(101, "web"), vm(102, "db")));
        h.run("sync");
    }

    private void want(Guest g) {
        Inventory d = h.state.load(StateKind.DESIRED);
        h.state.save(StateKind.DESIRED, d.withGuest(g));
    }

    private ApplyResult last() {
        assertThat(h.console.jsonValues()).last().isInstanceOf(ApplyResult.class);
        return (ApplyResult) h.console.jsonValues().get(h.console.jsonValues().size() - 1);
    }

    @Test
    void applyPrintsThePlanTheResultsAndTheSnapshotAsOneDocument() {
        want(vm(101, "web", Map.of("memory", "8192")));
        h.console.yes(true);
        int before = h.console.output().length();
        assertThat(h.run("apply --json").exitCode()).isEqualTo(ExitCode.OK);
        ApplyResult r = last();
        assertThat(r.action()).isEqualTo("apply");
        assertThat(r.outcome()).isEqualTo("done");
        assertThat(r.plan().update()).isEqualTo(1);
        assertThat(r.results()).extracting(s -> s.target() + " " + s.status()).contains("vm/101 succeeded");
        assertThat(r.snapshot()).isEqualTo(h.state.snapshots().get(0).id());
        assertThat(h.console.output().substring(before)).doesNotContain("Apply complete").doesNotContain("~ vm/101");
        assertThat(h.console.jsonValues()).hasSize(1);
    }

    @Test
    void applySaysAsJsonWhenNothingRan() {
        assertThat(h.run("apply --json").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(last().outcome()).isEqualTo("nothing to do");
        want(vm(102, "db", Map.of("memory", "8192")));
        assertThat(h.run("apply --json").exitCode()).as("batch mode without --yes").isEqualTo(ExitCode.FAILURE);
        assertThat(last().outcome()).isEqualTo("cancelled");
        assertThat(last().results()).isEmpty();
        assertThat(last().plan().items()).extracting(PlanView.Item::resource).containsExactly("vm/102 db");
    }

    @Test
    void rollbackAndRestoreAnswerInJsonToo() {
        String snap = h.state.snapshots().get(0).id();
        want(vm(101, "web", Map.of("memory", "8192")));
        h.console.yes(true);
        h.run("apply");
        h.console.jsonRequested(true);
        assertThat(h.run("rollback " + snap).exitCode()).isEqualTo(ExitCode.OK);
        assertThat(last().action()).isEqualTo("rollback");
        assertThat(last().outcome()).isEqualTo("done");
        assertThat(h.console.output()).doesNotContain("Plan back to snapshot");
        assertThat(h.run(restoreOfExisting(h, "local:backup/vzdump-qemu-102-2026_11_25-10_00_00.vma.zst")).exitCode()).isEqualTo(ExitCode.OK);
        ApplyResult restore = last();
        assertThat(restore.action()).isEqualTo("restore");
        assertThat(restore.plan().items()).extracting(PlanView.Item::action).containsExactly("replace");
        assertThat(restore.results()).extracting(ApplyResult.Step::change).containsExactly("stop vm/102 before restoring it",
                "restore vm/102 from local:backup/vzdump-qemu-102-2026_11_25-10_00_00.vma.zst", "start vm/102 again");
    }

    /** @return the /restore line, after putting the archive on the fake server (a missing one is refused). */
    private static String restoreOfExisting(Harness h, String archive) {
        h.server.addBackup(new dev.proxmoxmpc.spi.model.Volume(archive, "backup", "zst", 1, 102, java.time.Instant.EPOCH));
        return "restore " + archive;
    }
}
