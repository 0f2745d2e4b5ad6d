package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.apiguardian.api.API;
import org.pf4j.ExtensionPoint;

/**
 * A rule {@code /validate} checks the desired state against ({@code every VM has the guest agent enabled}). A rule
 * implements one of the two {@code check} methods: {@link #check(Inventory)} when the desired inventory is enough,
 * {@link #check(PolicyRequest)} when it needs the observed state, its options or a server read.
 */
@API(status = EXPERIMENTAL, since = "1.0")
public interface Policy extends ExtensionPoint {

    /** @return the rule id ({@code guest-agent-enabled}); lower case words joined by {@code -}, unique. */
    String id();

    /**
     * @param desired the desired inventory
     * @return one diagnostic per violation, empty when the rule holds; pure and fast. The default finds nothing.
     */
    default List<Diagnostic> check(Inventory desired) {
        return List.of();
    }

    /**
     * Checks with everything a rule may need. Called on the command's thread; may block on server reads.
     *
     * @param request the desired and observed state, this rule's options, a server reader; not null
     * @return one diagnostic per violation (its {@code source} names the resource: {@code vm/101}), empty when the
     *     rule holds. The default calls {@link #check(Inventory)}.
     * @throws dev.proxmoxmpc.spi.provider.ProviderException when a server read it needs fails: the rule is then
     *     reported as skipped with the exception's message, never as failed
     */
    default List<Diagnostic> check(PolicyRequest request) {
        return check(request.desired());
    }

    /** @return the severity of this rule's findings unless the project's policies.yml changes it; default error. */
    default Severity severity() {
        return Severity.ERROR;
    }

    /** @return one sentence: why the rule matters ({@code without the agent PVE cannot freeze the file system}). */
    default String why() {
        return "";
    }

    /** @return one sentence: how to fix a finding ({@code set agent: 1 and install qemu-guest-agent}). */
    default String fix() {
        return "";
    }
}
