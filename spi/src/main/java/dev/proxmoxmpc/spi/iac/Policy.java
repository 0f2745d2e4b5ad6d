package dev.proxmoxmpc.spi.iac;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.pf4j.ExtensionPoint;

/** A rule {@code /validate} checks the desired state against ({@code every VM has a backup-able disk}). */
public interface Policy extends ExtensionPoint {

    /** @return the rule id ({@code guest-agent-enabled}). */
    String id();

    /**
     * @param desired the desired inventory
     * @return one diagnostic per violation, empty when the rule holds; pure and fast
     */
    List<Diagnostic> check(Inventory desired);
}
