package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/** A rule {@code /validate} checks the desired state against ({@code every VM has a backup-able disk}). */
@API(status = EXPERIMENTAL, since = "1.0")
public interface Policy extends ExtensionPoint {

    /** @return the rule id ({@code guest-agent-enabled}). */
    String id();

    /**
     * @param desired the desired inventory
     * @return one diagnostic per violation, empty when the rule holds; pure and fast
     */
    List<Diagnostic> check(Inventory desired);
}
