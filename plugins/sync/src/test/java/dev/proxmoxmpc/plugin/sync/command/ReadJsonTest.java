package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.state.SnapshotInfo;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sync command that prints a list prints its result record instead under --json (global or its own flag). */
class ReadJsonTest {
    @TempDir
    Path root;

    @Test
    void statusDiffAndTheSnapshotListAreJson() {
        Harness h = new Harness(root, inventory(vm(101, "web"), vm(102, "db")));
        h.run("sync");
        h.state.save(StateKind.DESIRED, h.state.load(StateKind.DESIRED).withGuest(vm(101, "web", Map.of("memory", "8192"))));
        h.run("status --json");
        h.run("diff --json");
        h.console.jsonRequested(true);
        h.run("backup --list");
        List<Object> json = h.console.jsonValues();
        assertThat(json).hasSize(3);
        assertThat(json.get(0)).isInstanceOfSatisfying(StatusResult.class, s -> assertThat(s.pendingChanges()).isEqualTo(1));
        assertThat((List<?>) json.get(1)).singleElement().isInstanceOfSatisfying(DiffCommand.GuestDiff.class,
                g -> assertThat(g.resource()).isEqualTo("vm/101 web"));
        assertThat((List<?>) json.get(2)).first().isInstanceOf(SnapshotInfo.class);
        assertThat(h.console.output()).doesNotContain("Valid:").doesNotContain("memory: 4096 -> 8192");
    }
}
