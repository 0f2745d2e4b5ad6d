package dev.proxmoxmpc.kernel.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.console.TerminalConsole;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.console.StatusItem;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's status bar: project, environment, last sync, drift, from local state. */
class StatusBarTest {
    static final Instant NOW = Instant.parse("2026-11-25T21:00:00Z");

    @TempDir
    Path dir;

    private static SyncRun run(String environment, Instant time, int drifted, int conflicts) {
        return new SyncRun(time, environment, 3, 10, 4, drifted, conflicts);
    }

    @Test
    void showsProjectEnvironmentLastSyncAndDrift() {
        assertThat(new StatusBar("lab", "default", Optional.of(run("default", NOW.minusSeconds(300), 0, 0))).text(NOW))
                .isEqualTo("proxmox-mpc | lab | env default | synced 5 min ago | no drift");
        assertThat(new StatusBar("lab", "default", Optional.of(run("default", NOW.minusSeconds(7200), 2, 1))).text(NOW))
                .isEqualTo("proxmox-mpc | lab | env default | synced 2 h ago | drift 2, 1 conflict");
        assertThat(new StatusBar("lab", "default", Optional.of(run("default", NOW.minusSeconds(10), 0, 3))).text(NOW))
                .isEqualTo("proxmox-mpc | lab | env default | synced just now | no drift | 3 conflicts");
    }

    @Test
    void aSyncOfAnotherEnvironmentDoesNotCount() {
        assertThat(new StatusBar("lab", "prod", Optional.of(run("default", NOW, 5, 0))).text(NOW))
                .isEqualTo("proxmox-mpc | lab | env prod | not synced yet: /sync");
        assertThat(StatusBar.noProject().text(NOW)).isEqualTo("proxmox-mpc | no project here: /init creates one");
    }

    @Test
    void agesAreShort() {
        assertThat(StatusBar.ago(NOW.minusSeconds(59), NOW)).isEqualTo("just now");
        assertThat(StatusBar.ago(NOW.minusSeconds(3599), NOW)).isEqualTo("59 min ago");
        assertThat(StatusBar.ago(NOW.minusSeconds(86400), NOW)).isEqualTo("1 day ago");
        assertThat(StatusBar.ago(NOW.minusSeconds(3 * 86400 + 5), NOW)).isEqualTo("3 days ago");
        assertThat(StatusBar.ago(NOW.plusSeconds(30), NOW)).as("a clock that went back").isEqualTo("just now");
    }

    @Test
    void theSessionReadsItFromTheProjectsConfigAndState() throws IOException {
        Path project = dir.resolve("lab");
        Files.createDirectories(project.resolve(".proxmox"));
        Files.writeString(project.resolve(".proxmox/config.yml"), KernelProjectTest.CONFIG);
        try (MyBatisStateStore state = StateStores.sqlite(project.resolve(".proxmox/state.db"), project.resolve(".proxmox/history"),
                Clock.systemUTC(), StateStores.Missing.CREATE)) {
            state.recordSyncRun(run("lab", NOW.minusSeconds(600), 1, 0));
        }
        assertThat(bar(project)).isEqualTo("proxmox-mpc | lab | env lab | synced 10 min ago | drift 1");
        assertThat(bar(dir.resolve("elsewhere"))).isEqualTo("proxmox-mpc | no project here: /init creates one");
        Files.writeString(project.resolve(".proxmox/config.yml"), "current_environment: [");
        assertThat(bar(project)).startsWith("proxmox-mpc | lab | ").contains("config.yml");
    }

    @Test
    void pluginItemsFollowInOrderAndAFailingOrEmptyOneIsLeftOut() throws Exception {
        Path project = dir.resolve("lab");
        Files.createDirectories(project.resolve(".proxmox"));
        Files.writeString(project.resolve(".proxmox/config.yml"), KernelProjectTest.CONFIG);
        StateStores.sqlite(project.resolve(".proxmox/state.db"), project.resolve(".proxmox/history"), Clock.systemUTC(),
                StateStores.Missing.CREATE).close();
        StatusItem pending = ctx -> Optional.of("3 pending");
        StatusItem broken = ctx -> {
            throw new IllegalStateException("boom");
        };
        StatusItem quiet = ctx -> Optional.empty();
        StatusItem chatty = ctx -> Optional.of("a very long item\nthat goes on and on and on and on and on");
        StatusItem readsState = ctx -> Optional.of(ctx.state().lastSyncRun().isEmpty() ? "never synced" : "synced");
        assertThat(barWithItems(project, pending, broken, quiet, chatty, readsState)).isEqualTo("proxmox-mpc | lab | env lab"
                + " | not synced yet: /sync | 3 pending | a very long item that goes on and on ... | never synced");
        assertThat(bar(dir.resolve("elsewhere"), pending)).as("no project, no items")
                .isEqualTo("proxmox-mpc | no project here: /init creates one");
    }

    /**
     * The items are computed in the background and the prompt waits for them only briefly, so on a slow machine the
     * first bars may come without them: ask again, as the next prompts would.
     */
    private String barWithItems(Path project, Object... extensions) throws InterruptedException {
        try (KernelSession session = session(project, extensions)) {
            String bar = session.statusBar();
            for (int i = 0; i < 500 && !bar.contains(" | 3 pending"); i++) {
                Thread.sleep(10);
                bar = session.statusBar();
            }
            return bar;
        }
    }

    private String bar(Path project, Object... extensions) {
        try (KernelSession session = session(project, extensions)) {
            return session.statusBar();
        }
    }

    private KernelSession session(Path project, Object... extensions) {
        KernelSettings settings = new KernelSettings(project, List.of(), List.of(extensions), Map.of(), dir.resolve("home"), false,
                false, false, Clock.fixed(NOW, ZoneOffset.UTC));
        StringWriter sink = new StringWriter();
        return new KernelSession(settings, new TerminalConsole(new PrintWriter(sink), new PrintWriter(sink), false, null, false),
                false, false);
    }
}
