package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /restore checks before it stops anything and puts a guest back when it fails; /backup names its archives. */
class RestoreBackupTest {
    private static final String ARCHIVE = "local:backup/vzdump-qemu-101-2026_11_20-21_00_00.vma.zst";

    @TempDir
    Path root;

    private Harness synced() {
        Harness h = new Harness(root, inventory(vm(101, "web")));
        h.run("sync");
        h.server.addBackup(new Volume(ARCHIVE, "backup", "zst", 1 << 20, 101, Instant.parse("2026-11-20T21:00:00Z")));
        return h;
    }

    @Test
    void aMissingArchiveIsRefusedBeforeTheRunningGuestIsStopped() {
        Harness h = synced();
        var r = h.run("restore local:backup/vzdump-qemu-101-2026_01_01-00_00_00.vma.zst --yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).contains("does not exist on storage local", "nothing was stopped or changed");
        assertThat(h.server.applied()).isEmpty();
        assertThat(h.server.server().guest(101).orElseThrow().status()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void anUnknownTargetStorageIsRefusedBeforeAnythingIsStopped() {
        Harness h = synced();
        var r = h.run("restore " + ARCHIVE + " --storage nope --yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.message()).contains("no storage 'nope'");
        assertThat(h.server.applied()).isEmpty();
    }

    @Test
    void aRestoreThatFailsPutsTheGuestBackAsItWas() {
        Harness h = synced();
        h.server.failWhen(c -> c.action() == ChangeAction.RESTORE);
        var r = h.run("restore " + ARCHIVE + " --yes");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).contains("restore of vm/101 failed: injected failure", "vm/101 was started again as it was");
        assertThat(h.server.applied()).extracting(Change::action).containsExactly(ChangeAction.STOP, ChangeAction.START);
        assertThat(h.server.server().guest(101).orElseThrow().status()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void backupNamesEachArchiveAndRestoreCompletesThem() {
        Harness h = synced();
        assertThat(h.run("backup --guests").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).containsPattern("vm/101: OK -> local:backup/vzdump-qemu-101-\\S+\\.vma\\.zst");
        var observed = h.state.load(dev.proxmoxmpc.spi.state.StateKind.OBSERVED);
        h.state.save(dev.proxmoxmpc.spi.state.StateKind.OBSERVED, observed.withStorage(
                new dev.proxmoxmpc.spi.model.Storage("local", "dir", java.util.Map.of("content", "backup,iso", "path", "/var/lib/vz"))));
        assertThat(dev.proxmoxmpc.spi.testkit.Commands.complete(new RestoreCommand(), h.ctx, java.util.List.of(""))).contains(ARCHIVE)
                .anyMatch(s -> s.startsWith("local:backup/vzdump-qemu-101-2026_11_25"));
    }
}
