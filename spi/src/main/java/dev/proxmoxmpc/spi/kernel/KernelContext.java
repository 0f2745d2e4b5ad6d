package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.command.CapturedRun;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The kernel's services, handed to every command. Methods that need a project throw
 * {@link dev.proxmoxmpc.spi.command.CommandException} ({@code no project here; run /init}) when there is none.
 */
@API(status = STABLE, since = "1.0")
public interface KernelContext {

    /** @return where output goes and questions are asked. */
    Console console();

    /** @return the project directory (it may not be initialised yet: see {@link Workspace#initialised()}). */
    Workspace workspace();

    /** @return the project's config ({@code .proxmox/config.yml}); needs a project. */
    ProjectConfig config();

    /** @return the project's state store, opened (and migrated) on first use; needs a project. */
    StateStore state();

    /** @return secrets from the environment and {@code .proxmox/secrets.yml}. */
    Secrets secrets();

    /** @return the template engine, honouring the project's {@code .proxmox/templates/}. */
    TemplateRenderer templates();

    /**
     * Connects to the current environment's server with its provider and secrets.
     *
     * @return an open session; the caller closes it
     * @throws dev.proxmoxmpc.spi.command.CommandException when there is no project, provider or secret
     */
    ProviderSession connect();

    /**
     * Runs every {@link dev.proxmoxmpc.spi.iac.Generator} over {@code desired} and writes their files atomically,
     * only those whose content changed; records the hashes; removes files an earlier run generated that no
     * generator produces now (unless edited by hand). A failing generator is reported, the others go on.
     *
     * @return what was written, kept, removed, and the generators' diagnostics
     */
    GenerationReport regenerate(Inventory desired);

    /**
     * {@link #regenerate(Inventory)} with the observed inventory the caller already holds: what it has just stored as
     * {@code OBSERVED}, so that the kernel need not load it again (with 10,000 guests that takes a while). The
     * default ignores {@code observed} and regenerates as {@link #regenerate(Inventory)} does.
     *
     * @param observed the inventory stored as {@code OBSERVED} right now
     * @return what was written, kept, removed, and the generators' diagnostics
     */
    @API(status = EXPERIMENTAL, since = "1.1")
    default GenerationReport regenerate(Inventory desired, Inventory observed) {
        return regenerate(desired);
    }

    /**
     * @return project-relative paths of generated files whose content differs from what was last written
     *     (hand edits), sorted
     */
    List<String> editedGeneratedFiles();

    /** @return every loaded extension of a type, bundled and third-party, in a stable order. */
    <T> List<T> extensions(Class<T> type);

    /**
     * Runs another command line as if typed ({@code /sync}, {@code list vms --json}), with the same console.
     *
     * @return its result
     */
    CommandResult execute(String commandLine);

    /** Appends to the audit log (state store and {@code .proxmox/audit.log}); fills in nothing, never throws on a closed project. */
    void audit(AuditEntry entry);

    /** @return the OS user name for audit entries. */
    String user();

    /** @return the clock (fixed in tests). */
    Clock clock();

    /**
     * Moves this session to the project directory {@code root} (it need not be initialised yet): later commands,
     * {@link #workspace()}, {@link #config()} and {@link #state()} act there. The open project is closed first.
     *
     * @throws dev.proxmoxmpc.spi.command.CommandException when this context cannot switch (the default)
     */
    default void useWorkspace(Path root) {
        throw new dev.proxmoxmpc.spi.command.CommandException("this session cannot switch to another project");
    }

    /**
     * Whether an environment accepts only approved saved plans ({@code require_approval: true} under the environment
     * in {@code .proxmox/config.yml}): {@code /apply} without a plan file is then refused. Reads the config; blocks
     * on nothing else.
     *
     * @param environment an environment name (unknown names are not required to approve)
     * @return false unless the kernel says otherwise (the default)
     */
    @API(status = EXPERIMENTAL, since = "1.1")
    default boolean approvalRequired(String environment) {
        return false;
    }

    /**
     * Runs another command line as if typed, through the same path as {@link #execute(String)} (global flags, audit,
     * locks, one-line errors), with its output captured instead of shown. Questions get batch mode's answers (no to
     * a confirmation unless the line carries {@code --yes}). Calls are serialised.
     *
     * @return how it ended and what it printed
     * @throws dev.proxmoxmpc.spi.command.CommandException when this context cannot capture (the default)
     */
    @API(status = EXPERIMENTAL, since = "1.1")
    default CapturedRun capture(String commandLine) {
        throw new dev.proxmoxmpc.spi.command.CommandException("this session cannot capture a command's output");
    }

    /**
     * Hands the process's standard input and output to the calling command (a protocol server on stdio); the
     * console's own output goes to standard error from then on. Only in batch mode, once per process.
     *
     * @return the streams, or empty when they are a person's terminal, already claimed, or not this context's to give
     */
    @API(status = EXPERIMENTAL, since = "1.1")
    default Optional<StandardStreams> claimStandardStreams() {
        return Optional.empty();
    }
}
