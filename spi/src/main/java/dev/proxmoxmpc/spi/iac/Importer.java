package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * Reads files a user wrote or edited (Terraform HCL, an Ansible inventory) back into desired state. Used by
 * {@code /import DIR} and by /sync when generated files were edited by hand.
 */
@API(status = STABLE, since = "1.0")
public interface Importer extends ExtensionPoint {

    /** @return the importer id ({@code terraform}). */
    String id();

    /**
     * @param path a project-relative path ({@code terraform/vms/web_01.tf})
     * @return whether this importer reads such a file
     */
    boolean handles(String path);

    /**
     * Reads files into desired state. Blocks on file I/O.
     *
     * @param request the files and the desired inventory they are laid over
     * @return the desired inventory as the files describe it, and a diagnostic (file and line) for every
     *     construct that could not be mapped; nothing is dropped silently
     */
    ImportResult read(ImportRequest request);
}
