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
 * @param userHome         the user's home ({@code ~/.proxmox-mpc/} lives there)
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

    /** @return {@code ~/.proxmox-mpc}. */
    public Path userDir() {
        return userHome.resolve(".proxmox-mpc");
    }
}
