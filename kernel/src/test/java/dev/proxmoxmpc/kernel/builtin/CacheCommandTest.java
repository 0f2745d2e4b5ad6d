package dev.proxmoxmpc.kernel.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /cache list} and {@code /cache clear}. */
class CacheCommandTest {
    static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    @TempDir
    Path root;
    @TempDir
    Path outside;
    final RecordingConsole console = new RecordingConsole();
    TestKernelContext ctx;
    Path cache;

    @BeforeEach
    void project() throws Exception {
        Map<String, EnvironmentConfig> envs = Map.of(
                "default", new EnvironmentConfig("default", "proxmox", "https://10.0.0.2:8006", "pve1", "root@pam!mpc", "", "", "", false),
                "production", new EnvironmentConfig("production", "proxmox", "https://10.0.1.2:8006", "", "root@pam!mpc", "", "", "", false));
        ctx = TestKernelContext.builder().root(root).console(console).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .config(new ProjectConfig("default", envs, "ask", 4, Map.of())).build();
        cache = new Workspace(root).cacheDir();
        Path iso = cache.resolve("default/nodes/pve1/storage/local/content@content=iso.json");
        Files.createDirectories(iso.getParent());
        Files.writeString(iso, "x".repeat(2000));
        Files.setLastModifiedTime(iso, FileTime.from(NOW.minusSeconds(120)));
        Path tmpl = cache.resolve("default/nodes/pve1/storage/local/content@content=vztmpl.json");
        Files.writeString(tmpl, "{}");
        Files.setLastModifiedTime(tmpl, FileTime.from(NOW.minusSeconds(600)));
        Path prod = cache.resolve("production/nodes/pve9/storage/nfs/content.json");
        Files.createDirectories(prod.getParent());
        Files.writeString(prod, "[]");
        Files.setLastModifiedTime(prod, FileTime.from(NOW.minusSeconds(7200)));
    }

    @Test
    void listsEveryEnvironmentWithEntriesSizeAndTheNewestEntrysAge() {
        Commands.run(new CacheListCommand(), ctx, List.of());
        assertThat(console.tables()).hasSize(1);
        assertThat(console.tables().get(0).rows()).containsExactly(
                List.of("default", "2", "2 KiB", "2 min ago"),
                List.of("production", "1", "2 B", "2 h ago"));
    }

    @Test
    void listsAsJson() {
        Commands.run(new CacheListCommand(), ctx, List.of("--json"));
        assertThat(console.jsonValues()).containsExactly(List.of(
                new CacheDirs.CacheDir("default", 2, 2002, NOW.minusSeconds(120)),
                new CacheDirs.CacheDir("production", 1, 2, NOW.minusSeconds(7200))));
    }

    @Test
    void clearsOneEnvironmentAndLeavesTheOthers() {
        Commands.run(new CacheClearCommand(), ctx, List.of("default"));
        assertThat(cache.resolve("default")).doesNotExist();
        assertThat(cache.resolve("production/nodes/pve9/storage/nfs/content.json")).exists();
        assertThat(console.output()).contains("Removed 2 cached answers (2 KiB) of default.");
    }

    @Test
    void clearsEverythingButKeepsTheCacheDirectory() {
        Commands.run(new CacheClearCommand(), ctx, List.of());
        assertThat(cache).isEmptyDirectory();
        Commands.run(new CacheListCommand(), ctx, List.of());
        assertThat(console.output()).contains("Nothing is cached (.proxmox/cache is empty).");
    }

    @Test
    void aLinkOutOfTheCacheIsRemovedNotFollowed() throws Exception {
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(cache.resolve("default/nodes/link"), outside);
        Commands.run(new CacheClearCommand(), ctx, List.of());
        assertThat(precious).hasContent("keep me");
        assertThat(cache.resolve("default")).doesNotExist();
    }

    @Test
    void refusesUnknownSubcommandsAndEnvironmentsInOneLine() {
        assertThatThrownBy(() -> Commands.run(new CacheClearCommand(), ctx, List.of("default", "production")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unexpected 'production'");
        assertThatThrownBy(() -> Commands.run(new CacheClearCommand(), ctx, List.of("prodution")))
                .isInstanceOf(UsageException.class).hasMessage("unknown environment 'prodution'; did you mean production?");
        assertThatThrownBy(() -> Commands.run(new CacheClearCommand(), ctx, List.of("../x")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("unknown environment '../x'");
        assertThat(cache.resolve("default")).exists();
    }

    @Test
    void clearCompletesTheEnvironments() {
        assertThat(Commands.complete(new CacheClearCommand(), ctx, List.of(""))).containsExactlyInAnyOrder("default", "production");
    }
}
