package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.ct;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.template;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCommandTest {
    @TempDir
    Path root;

    private Harness demo() {
        return new Harness(root, inventory(vm(101, "web"), vm(102, "db").withStatus(PowerState.STOPPED), ct(200, "dns"),
                template(9000, "tpl")));
    }

    @Test
    void firstSyncImportsTheServerAndReportsCounts() throws Exception {
        Harness h = demo();
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).contains("Found 2 nodes, 2 VMs, 1 container (1 template)", "Drift: None",
                "Conflicts: None", "Generated: 4 written, 0 unchanged", "Pending changes: none");
        assertThat(Files.readString(root.resolve("text/101.txt"))).contains("memory=4096");
        assertThat(h.state.load(StateKind.DESIRED).guests()).hasSize(4);
        assertThat(h.state.snapshots()).singleElement().satisfies(s -> assertThat(s.cause()).isEqualTo("sync"));
        assertThat(h.state.lastSyncRun()).isPresent();
    }

    @Test
    void theStatusBarItemCountsWhatPlanWouldList() {
        Harness h = demo();
        PendingStatusItem item = new PendingStatusItem();
        h.run("sync");
        assertThat(item.text(h.ctx)).as("nothing pending right after a sync").isEmpty();
        var desired = h.state.load(StateKind.DESIRED);
        h.state.save(StateKind.DESIRED, desired.withGuest(desired.guest(101).orElseThrow().withStatus(PowerState.STOPPED))
                .withGuest(desired.guest(102).orElseThrow().withStatus(PowerState.RUNNING)));
        assertThat(item.text(h.ctx)).contains("2 pending");
        h.run("status");
        assertThat(h.console.output()).contains("Pending changes: 2 (see /plan)");
    }

    @Test
    void syncForgetsTheCachedServerAnswersButPlanDoesNot() {
        Harness h = demo();
        h.run("sync");
        assertThat(h.server.cacheForgotten()).isEqualTo(1);
        h.run("plan");
        assertThat(h.server.cacheForgotten()).isEqualTo(1);
        h.run("sync");
        assertThat(h.server.cacheForgotten()).isEqualTo(2);
    }

    @Test
    void planRightAfterSyncShowsNoChanges() {
        Harness h = demo();
        h.run("sync");
        assertThat(h.run("plan").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.console.output()).contains("No changes.");
    }

    @Test
    void secondSyncWritesNothing() {
        Harness h = demo();
        h.run("sync");
        h.run("sync");
        assertThat(h.console.output()).contains("Generated: 0 written, 4 unchanged");
    }

    @Test
    void serverDriftAndAHandEditAreMergedAndAConflictIsFlagged() throws Exception {
        Harness h = demo();
        h.run("sync");
        h.server.edit(vm(101, "web", Map.of("memory", "8192", "cores", "6")));
        h.server.addTask(new TaskRecord("UPID:x", "pve1", "qmconfig", "101", "alice@pam", "",
                Instant.parse("2026-11-25T12:18:00Z"), Optional.empty(), "OK"));
        h.clock.advance(java.time.Duration.ofMinutes(30));
        Path file = root.resolve("text/101.txt");
        Files.writeString(file, Files.readString(file).replace("cores=2", "cores=4").replace("ostype=l26", "ostype=win11"));
        h.run("sync");
        String out = h.all();
        assertThat(out).contains("Imported hand edits: text: text/101.txt");
        assertThat(out).contains("vm/101 web: cores 2 -> 6, memory 4096 -> 8192, changed 12 minutes ago by alice@pam (qmconfig)");
        assertThat(out).contains("Conflicts: 1", "vm/101 web cores: local 4, server 6 (base 2) -> kept server");
        var desired = h.state.load(StateKind.DESIRED).guest(101).orElseThrow();
        assertThat(desired.config()).containsEntry("memory", "8192").containsEntry("cores", "6").containsEntry("ostype", "win11");
        assertThat(out).contains("Pending changes: 1");
        assertThat(h.state.events(20)).anyMatch(e -> e.type().equals("conflict")).anyMatch(e -> e.type().equals("drift"));
    }

    @Test
    void preferLocalKeepsTheHandEdit() throws Exception {
        Harness h = demo();
        h.run("sync");
        h.server.edit(vm(101, "web", Map.of("cores", "6")));
        Path file = root.resolve("text/101.txt");
        Files.writeString(file, Files.readString(file).replace("cores=2", "cores=4"));
        h.run("sync --policy prefer-local");
        assertThat(h.state.load(StateKind.DESIRED).guest(101).orElseThrow().value("cores")).isEqualTo("4");
        assertThat(h.run("sync --policy sideways").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void importReadsFilesIntoTheDesiredStateAndSummarisesThePlan() throws Exception {
        Harness h = demo();
        h.run("sync");
        Path other = root.resolve("elsewhere/hand-written");
        Files.createDirectories(other);
        Files.writeString(other.resolve("101.txt"), "name=web\ncores=2\nmemory=2048\nbroken line\n");
        assertThat(h.run("import elsewhere/hand-written").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.state.load(StateKind.DESIRED).guest(101).orElseThrow().value("memory")).isEqualTo("2048");
        assertThat(h.all()).contains("Imported 1 files", "101.txt:4: not key=value", "Plan: 0 to create, 1 to update");
        Files.createDirectories(root.resolve("empty/x"));
        Files.writeString(root.resolve("empty/x/readme.md"), "hi");
        var none = h.run("import empty");
        assertThat(none.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(none.message()).contains("no importer reads the files", "text");
        assertThat(h.run("import nowhere").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void jsonOutputCarriesTheSameResult() {
        Harness h = demo();
        h.console.jsonRequested(true);
        h.run("sync");
        assertThat(h.console.jsonValues()).singleElement().isInstanceOf(SyncResult.class)
                .satisfies(v -> assertThat(((SyncResult) v).found().vms()).isEqualTo(2));
    }
}
