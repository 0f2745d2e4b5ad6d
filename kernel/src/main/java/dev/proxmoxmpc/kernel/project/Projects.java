package dev.proxmoxmpc.kernel.project;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Workspace;

/** Opens projects. (Placeholder until the workspace/state layer lands: it replaces this body.) */
public final class Projects {
    private Projects() {}

    /**
     * @param workspace an initialised workspace
     * @return the opened project
     * @throws CommandException with one line when there is no project or its config is broken
     */
    public static ProjectServices open(Workspace workspace) {
        if (!workspace.initialised()) {
            throw new CommandException("no project in " + workspace.root() + "; run /init first");
        }
        throw new CommandException("project support is not built yet");
    }
}
