package dev.proxmoxmpc.kernel.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One base for the user's files ($HOME), with XDG_CONFIG_HOME and XDG_STATE_HOME honoured where set. */
class KernelSettingsTest {
    private static KernelSettings with(Map<String, String> env) {
        return new KernelSettings(Path.of("/work/p"), List.of(), List.of(), env, Path.of("/home/alice"), false, false, false,
                Clock.systemUTC());
    }

    @Test
    void withoutXdgEverythingLivesInTheHomesDotDirectory() {
        KernelSettings s = with(Map.of());
        assertThat(s.userDir()).isEqualTo(Path.of("/home/alice/.proxmox-mpc"));
        assertThat(s.stateDir()).isEqualTo(Path.of("/home/alice/.proxmox-mpc"));
    }

    @Test
    void xdgConfigAndStateHomesAreHonouredWhereSet() {
        KernelSettings s = with(Map.of("XDG_CONFIG_HOME", "/home/alice/.config", "XDG_STATE_HOME", "/home/alice/.local/state"));
        assertThat(s.userDir()).isEqualTo(Path.of("/home/alice/.config/proxmox-mpc"));
        assertThat(s.stateDir()).isEqualTo(Path.of("/home/alice/.local/state/proxmox-mpc"));
    }

    @Test
    void aRelativeOrEmptyXdgValueIsIgnoredAsTheSpecSays() {
        KernelSettings s = with(Map.of("XDG_CONFIG_HOME", "relative/dir", "XDG_STATE_HOME", " "));
        assertThat(s.userDir()).isEqualTo(Path.of("/home/alice/.proxmox-mpc"));
        assertThat(s.stateDir()).isEqualTo(Path.of("/home/alice/.proxmox-mpc"));
    }
}
