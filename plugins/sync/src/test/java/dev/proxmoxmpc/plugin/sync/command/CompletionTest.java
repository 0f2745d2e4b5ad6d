package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.template;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.state.StateKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tab completion of the sync commands: local state only (the fake server counts every read), flags and values; the
 * global flags ({@code --json}, {@code --yes}) are the kernel's and not offered here.
 */
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
        assertThat(Commands.complete(new DiffCommand(), h.ctx, List.of(""))).contains("101", "web", "102", "db", "150", "new-01");
        assertThat(Commands.complete(new DiffCommand(), h.ctx, List.of("web", ""))).containsExactly("--offline", "--refresh");
        assertThat(Commands.complete(new DiffCommand(), h.ctx, List.of("--"))).containsExactly("--offline", "--refresh");
        assertThat(h.server.discoveries()).isEqualTo(1);
    }

    @Test
    void rollbackAndRestoreCompleteSnapshotIdsThenFlagsAndTheirValues() {
        assertThat(Commands.complete(new RollbackCommand(), h.ctx, List.of(""))).containsExactly(snapshot);
        assertThat(Commands.complete(new RollbackCommand(), h.ctx, List.of(snapshot, ""))).containsExactly("--guests", "--parallelism",
                "--snapshot-guests");
        assertThat(Commands.complete(new RollbackCommand(), h.ctx, List.of(snapshot, "--parallelism", ""))).isEmpty();
        RestoreCommand restore = new RestoreCommand();
        assertThat(Commands.complete(restore, h.ctx, List.of(""))).containsExactly(snapshot);
        assertThat(Commands.complete(restore, h.ctx, List.of("local:backup/vzdump-qemu-101-x.vma.zst", "--node", ""))).containsExactly("pve1", "pve2");
        assertThat(Commands.complete(restore, h.ctx, List.of("x", "--storage", ""))).containsExactly("local-lvm");
        assertThat(Commands.complete(restore, h.ctx, List.of("x", "--vmid", ""))).containsExactly("101", "102", "9000");
        assertThat(h.server.discoveries()).isEqualTo(1);
    }

    @Test
    void backupStatusValidateAndImportCompleteTheirFlagsAndValues() throws IOException {
        assertThat(Commands.complete(new BackupCommand(), h.ctx, List.of(""))).containsExactly("--guests", "--list", "--storage");
        assertThat(Commands.complete(new BackupCommand(), h.ctx, List.of("--guests", "--storage", ""))).containsExactly("local-lvm");
        assertThat(Commands.complete(new StatusCommand(), h.ctx, List.of(""))).isEmpty();
        assertThat(Commands.complete(new ValidateCommand(), h.ctx, List.of(""))).isEmpty();
        Files.createDirectories(root.resolve("terraform/vms"));
        Files.createDirectories(root.resolve(".proxmox"));
        assertThat(Commands.complete(new ImportCommand(), h.ctx, List.of(""))).contains("terraform/").doesNotContain(".proxmox/");
        assertThat(Commands.complete(new ImportCommand(), h.ctx, List.of("terraform/v"))).containsExactly("terraform/vms/");
        assertThat(Commands.complete(new ImportCommand(), h.ctx, List.of("terraform/", ""))).isEmpty();
    }
}
