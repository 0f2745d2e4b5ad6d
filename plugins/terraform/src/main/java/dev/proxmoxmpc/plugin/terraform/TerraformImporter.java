package dev.proxmoxmpc.plugin.terraform;

import dev.proxmoxmpc.plugin.terraform.importer.GuestReader;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.iac.Importer;
import org.pf4j.Extension;

/**
 * Reads {@code proxmox_virtual_environment_vm} and {@code _container} resources from {@code terraform/**}{@code /*.tf}
 * back into desired state, with a real HCL parser ({@link dev.proxmoxmpc.plugin.terraform.parse.HclParser}).
 * Guests are matched by {@code vm_id}; only the settings the files change are written over the base. Variables
 * with defaults and locals are resolved; every construct that cannot be mapped (count, for_each, dynamic blocks,
 * modules, unevaluable expressions, unknown attributes) is reported as a warning with {@code file:line}. A file
 * with broken syntax makes the whole import fail (an error diagnostic, the base returned unchanged).
 */
@Extension
public final class TerraformImporter implements Importer {
    public TerraformImporter() {
        // PF4J needs a public no-arg constructor.
    }

    @Override
    public String id() {
        return TerraformGenerator.ID;
    }

    @Override
    public boolean handles(String path) {
        String p = path.replace('\\', '/');
        return p.startsWith("terraform/") && p.endsWith(".tf") && !p.contains("/.terraform/");
    }

    @Override
    public ImportResult read(ImportRequest request) {
        return new GuestReader(request).read();
    }
}
