package dev.proxmoxmpc.spi.console;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.Optional;
import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * One short item of the interactive console's status bar ({@code 3 pending}), after the kernel's own (project,
 * environment, last sync, drift). Called on the console thread before every prompt while a project is open: read
 * local state only, never the network, and return quickly. An item that throws is left out.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public interface StatusItem extends ExtensionPoint {

    /**
     * @param ctx the kernel's services; {@link KernelContext#state()} is open
     * @return a few words without line breaks, or empty to show nothing now
     */
    Optional<String> text(KernelContext ctx);
}
