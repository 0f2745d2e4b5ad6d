package dev.proxmoxmpc.kernel.project;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.time.Clock;
import java.util.function.Function;

/** Opens projects: reads and validates config.yml at once; the state store opens (and migrates) on first use. */
public final class Projects {
    private Projects() {}

    /**
     * @param workspace an initialised workspace
     * @return the opened project
     * @throws CommandException with one line when there is no project or its config is broken
     */
    public static ProjectServices open(Workspace workspace) {
        return open(workspace, System::getenv, Clock.systemUTC());
    }

    /**
     * @param env   environment variable lookup (secrets); a map's {@code get} in tests
     * @param clock the clock for snapshots and lock times
     */
    public static ProjectServices open(Workspace workspace, Function<String, String> env, Clock clock) {
        if (!workspace.initialised()) {
            throw new CommandException("no project in " + workspace.root() + "; run /init first");
        }
        return new OpenProject(workspace, env, clock);
    }
}
