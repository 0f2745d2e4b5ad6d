package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.template;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion of the sync commands: local state only (the fake server counts every read), flags and values. */
class CompletionTest {
    @TempDir
    Path root;
    Harness h;
    String snapshot;

    @BeforeEach
    void synced() {
        h = new Harness(root, inventory(vm(101, "web"), vm(102, "db"), template(9000, "tpl")));
        h.run("sync");
        snapshot = h.state.snapshots().get(0).id();
    }

    @Test
    void diffCompletesGuestsOnTheServerOrOnlyLocalThenItsFlags() {
        h.state.save(StateKind.DESIRED, h.state.load(StateKind.DESIRED).withoutGuest(102).withGuest(vm(150, "new-01")));
        assertThat(new DiffCommand().complete(h.ctx, List.of(""))).contains("101", "web", "102", "db", "150", "new-01");
        assertThat(new DiffCommand().complete(h.ctx, List.of("web", ""))).containsExactly("--json", "--refresh");
        assertThat(new DiffCommand().complete(h.ctx, List.of("--"))).containsExactly("--json", "--refresh");
        assertThat(h.server.discoveries()).isEqualTo(1);
    }

    @Test
    void rollbackAndRestoreCompleteSnapshotIdsThenFlagsAndTheirValues() {
        assertThat(new RollbackCommand().complete(h.ctx, List.of(""))).containsExactly(snapshot);
        assertThat(new RollbackCommand().complete(h.ctx, List.of(snapshot, ""))).containsExactly("--guests", "--json", "--parallelism",
                "--snapshot-guests", "--yes");
        assertThat(new RollbackCommand().complete(h.ctx, List.of(snapshot, "--parallelism", ""))).isEmpty();
        RestoreCommand restore = new RestoreCommand();
        assertThat(restore.complete(h.ctx, List.of(""))).containsExactly(snapshot);
        assertThat(restore.complete(h.ctx, List.of("local:backup/vzdump-qemu-101-x.vma.zst", "--node", ""))).containsExactly("pve1", "pve2");
        assertThat(restore.complete(h.ctx, List.of("x", "--storage", ""))).containsExactly("local-lvm");
        assertThat(restore.complete(h.ctx, List.of("x", "--vmid", ""))).containsExactly("101", "102", "9000");
        assertThat(h.server.discoveries()).isEqualTo(1);
    }

    @Test
    void backupStatusAndImportCompleteTheirFlagsAndValues() throws IOException {
        assertThat(new BackupCommand().complete(h.ctx, List.of(""))).containsExactly("--guests", "--json", "--list", "--storage");
        assertThat(new BackupCommand().complete(h.ctx, List.of("--guests", "--storage", ""))).containsExactly("local-lvm");
        assertThat(new StatusCommand().complete(h.ctx, List.of(""))).containsExactly("--json");
        Files.createDirectories(root.resolve("terraform/vms"));
        Files.createDirectories(root.resolve(".proxmox"));
        assertThat(new ImportCommand().complete(h.ctx, List.of(""))).contains("terraform/").doesNotContain(".proxmox/");
        assertThat(new ImportCommand().complete(h.ctx, List.of("terraform/v"))).containsExactly("terraform/vms/");
        assertThat(new ImportCommand().complete(h.ctx, List.of("terraform/", ""))).containsExactly("--json");
    }
}
