package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ExitCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A guest or snapshot nobody has: one line with the closest one, when one is close. */
class DidYouMeanTest {
    @TempDir
    Path root;

    @Test
    void diffOfAnUnknownGuestSuggestsTheClosestNameOrVmid() {
        Harness h = new Harness(root, inventory(vm(101, "web-01"), vm(102, "db-01")));
        h.run("sync");
        assertThat(h.run("diff web-1").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(h.console.errors()).contains("no guest named or numbered 'web-1' in the local state; did you mean web-01?");
        h.run("diff 1011");
        assertThat(h.console.errors()).contains("no guest named or numbered '1011' in the local state; did you mean 101 (web-01)?");
        h.run("diff zzzzzzzz");
        assertThat(h.console.errors()).contains("no guest named or numbered 'zzzzzzzz' in the local state; usage: /diff");
    }

    @Test
    void anUnknownSnapshotSuggestsOnlyAnAlmostIdenticalOrUniquelyStartedId() {
        List<String> ids = List.of("20261125-210000-sync", "20261125-200000-sync", "20261124-090000-apply");
        assertThat(GuestNames.closeSnapshot("20261125-21000-sync", ids)).contains("20261125-210000-sync");
        assertThat(GuestNames.closeSnapshot("20261124", ids)).contains("20261124-090000-apply");
        assertThat(GuestNames.closeSnapshot("20261125", ids)).as("two start so").isEmpty();
        assertThat(GuestNames.closeSnapshot("20261125-203000-sync", ids)).as("another moment").isEmpty();
        assertThat(GuestNames.closeSnapshot("20261125-201000-sync", ids)).as("digits swapped: another moment").isEmpty();
        assertThat(GuestNames.closeSnapshot("20261125-2100000-sync", ids)).contains("20261125-210000-sync");
        assertThat(GuestNames.closeSnapshot("20261124-090000-aplpy", ids)).contains("20261124-090000-apply");
    }

    @Test
    void rollbackToAnUnknownSnapshotNamesTheCloseOneOrTheRecentOnes() {
        Harness h = new Harness(root, inventory(vm(101, "web-01")));
        h.run("sync");
        String id = h.state.snapshots().get(0).id();
        h.run("rollback " + id.substring(0, id.length() - 1) + "x");
        assertThat(h.console.errors()).contains("did you mean " + id + "?");
        h.run("rollback nothing-like-it");
        assertThat(h.console.errors()).contains("unknown snapshot 'nothing-like-it'; recent: " + id);
    }
}
