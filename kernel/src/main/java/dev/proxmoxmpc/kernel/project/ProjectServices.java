package dev.proxmoxmpc.kernel.project;

import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateStore;

/**
 * An opened project: its config, state store, secrets and audit log. The seam between the console layer
 * (which builds the {@code KernelContext}) and the workspace/state layer (which implements this).
 */
public interface ProjectServices extends AutoCloseable {

    /** @return the parsed {@code .proxmox/config.yml}. */
    ProjectConfig config();

    /** @return the state store acting for the current environment, opened and migrated on first call. */
    StateStore state();

    /**
     * @param environment an environment of the project
     * @return the state store acting for it: its observed and base state, history and locks (the desired state is
     *         the project's)
     */
    StateStore state(String environment);

    /** @return secrets from the environment and {@code .proxmox/secrets.yml}. */
    Secrets secrets();

    /** Appends to the state store's audit table and {@code .proxmox/audit.log}. */
    void audit(AuditEntry entry);

    /** Closes the state store. Never throws. */
    @Override
    void close();
}
