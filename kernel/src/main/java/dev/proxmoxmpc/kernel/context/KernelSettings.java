package dev.proxmoxmpc.kernel.context;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one kernel run was started with.
 *
 * @param projectDir       the project directory (may not be initialised)
 * @param pluginRoots      folders searched for plugins, in order
 * @param embedded         extensions handed in by an embedding program (tests, the demo)
 * @param env              the environment variables
 * @param userHome         the user's home, {@code $HOME} ({@code ~/.proxmox-mpc/} lives there unless the XDG
 *                         variables say otherwise)
 * @param debug            show stack traces
 * @param keepGoing        batch mode goes on after a failing command
 * @param detailedExitcode exit 3 when changes are pending
 * @param clock            the clock
 */
public record KernelSettings(Path projectDir, List<Path> pluginRoots, List<Object> embedded, Map<String, String> env,
                             Path userHome, boolean debug, boolean keepGoing, boolean detailedExitcode, Clock clock) {
    public KernelSettings {
        Objects.requireNonNull(projectDir, "projectDir");
        pluginRoots = List.copyOf(pluginRoots);
        embedded = List.copyOf(embedded);
        env = Map.copyOf(env);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return where the user's configuration lives (workspaces.yml, plugins): {@code $XDG_CONFIG_HOME/proxmox-mpc}
     *     when that variable is set to an absolute path, else {@code ~/.proxmox-mpc}
     */
    public Path userDir() {
        return xdg("XDG_CONFIG_HOME");
    }

    /**
     * @return where the user's state lives (console history; the launcher writes the logs beside it):
     *     {@code $XDG_STATE_HOME/proxmox-mpc} when that variable is set to an absolute path, else {@code ~/.proxmox-mpc}
     */
    public Path stateDir() {
        return xdg("XDG_STATE_HOME");
    }

    private Path xdg(String variable) {
        String base = env.get(variable);
        if (base != null && !base.isBlank() && Path.of(base).isAbsolute()) {
            return Path.of(base, "proxmox-mpc"); // the XDG spec: a relative value is invalid and ignored
        }
        return userHome.resolve(".proxmox-mpc");
    }
}
