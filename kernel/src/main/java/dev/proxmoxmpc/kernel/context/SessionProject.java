package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.project.ProjectServices;
import dev.proxmoxmpc.kernel.project.Projects;
import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.template.HandlebarsTemplates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.nio.file.Path;
import java.util.Map;

/**
 * The project lifecycle of one session: the current workspace, its project opened on first use (once), its
 * templates and secrets, and switching to another project directory. Thread-safe.
 */
final class SessionProject {
    private final KernelSettings settings;
    private volatile Workspace workspace;
    private volatile TemplateRenderer templates;
    private ProjectServices project;

    SessionProject(KernelSettings settings) {
        this.settings = settings;
        this.workspace = new Workspace(settings.projectDir());
    }

    Workspace workspace() {
        return workspace;
    }

    /** @return the open project; opened on first use; a CommandException when there is none. */
    synchronized ProjectServices project() {
        if (project == null) {
            Workspace ws = workspace;
            if (!ws.initialised()) {
                throw new CommandException("no project in " + ws.root() + "; run /init first");
            }
            project = Projects.open(ws, settings.env()::get, settings.clock());
        }
        return project;
    }

    /** @return the environment's secrets, then the project's {@code secrets.yml} (readable before /init too). */
    Secrets secrets() {
        // Before /init, secrets.yml can still be written (and read by /init): a script or /demo stores the secret first.
        Workspace ws = workspace;
        Secrets projectSecrets = ws.initialised() ? project().secrets()
                : new ProjectSecrets(ws.secretsFile(), n -> null, Map.of());
        return new EnvironmentSecrets(settings.env(), projectSecrets);
    }

    /** @return the template engine of the current workspace (its {@code .proxmox/templates/} override). */
    TemplateRenderer templates() {
        TemplateRenderer t = templates;
        if (t == null) {
            t = new HandlebarsTemplates(workspace.templatesDir());
            templates = t;
        }
        return t;
    }

    /** Closes the open project and makes {@code root} the workspace. */
    synchronized void switchTo(Path root) {
        close();
        workspace = new Workspace(root);
        templates = null;
    }

    synchronized void close() {
        if (project != null) {
            project.close();
            project = null;
        }
    }
}
