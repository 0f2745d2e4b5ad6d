package dev.proxmoxmpc.kernel.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.boot.KernelRun;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /init typed into the real kernel console (JLine dumb terminal) with scripted answers. */
class InitInKernelConsoleTest {
    @TempDir
    Path dir;
    Path work;
    Path home;
    final FakeProvider provider = new FakeProvider();

    @BeforeEach
    void dirs() throws Exception {
        work = Files.createDirectories(dir.resolve("work"));
        home = Files.createDirectories(dir.resolve("home"));
        System.setProperty("proxmox-mpc.user-dir", home.resolve(".proxmox-mpc").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("proxmox-mpc.user-dir");
    }

    @Test
    void theGuidedDialogueCreatesAProject() throws Exception {
        String answers = String.join("\n", "init", "127.0.0.1", "8443", "token", "root@pam!mpc", FakeProvider.SECRET,
                "y", "pve2", "sqlite", "history", "exit", "");
        KernelRun.Result r = new KernelRun(work, home).extensions(provider).interactive(true).input(answers).run();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Certificate SHA-256 fingerprint: " + FakeProvider.FINGERPRINT)
                .contains("Connected to Proxmox VE 9.0.3 as root@pam!mpc")
                .contains("No snapshots yet")
                .doesNotContain(FakeProvider.SECRET);
        EnvironmentConfig env = new ConfigStore(new Workspace(work)).load().project().environment();
        assertThat(env.endpoint()).isEqualTo("https://127.0.0.1:8443");
        assertThat(env.node()).isEqualTo("pve2");
        assertThat(env.fingerprint()).isEqualTo(FakeProvider.FINGERPRINT);
        Path secrets = work.resolve(".proxmox/secrets.yml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(Files.readString(work.resolve(".proxmox/audit.log"))).contains("\"action\":\"init\"")
                .doesNotContain(FakeProvider.SECRET);
    }
}
