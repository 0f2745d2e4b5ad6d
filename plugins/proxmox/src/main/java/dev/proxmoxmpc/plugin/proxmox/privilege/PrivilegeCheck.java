package dev.proxmoxmpc.plugin.proxmox.privilege;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.PreApplyCheck;
import dev.proxmoxmpc.spi.iac.PreApplyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Before /apply writes anything: reads {@code GET /access/permissions} once (the session's {@code probe()}) and
 * compares it with what every change of the plan needs (pve-facts/pve-privileges.json), reporting ALL missing
 * privileges in one error with the {@code pveum} commands that grant them.
 */
@Extension
public final class PrivilegeCheck implements PreApplyCheck {
    /** The check's id, also the source of its diagnostic. */
    public static final String ID = "privileges";

    @Override
    public String id() {
        return ID;
    }

    /** Missing privileges fail the apply on the server anyway: {@code --skip-tests} does not skip this. */
    @Override
    public boolean skippable() {
        return false;
    }

    @Override
    public List<Diagnostic> check(KernelContext ctx, PreApplyRequest request) {
        if (request.changes().isEmpty() || !(request.session() instanceof ProxmoxSession)) {
            return List.of(); // another provider's server: its privileges are not PVE's
        }
        ServerInfo info = request.session().probe();
        List<Requirement> missing = missing(request.changes(), info.privileges());
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(Diagnostic.error(MissingPrivileges.report(info.identity(), missing), ID));
    }

    /** @return what the changes need that {@code permissions} (path to privileges) does not grant */
    static List<Requirement> missing(List<Change> changes, java.util.Map<String, List<String>> permissions) {
        List<Requirement> needed = new ArrayList<>();
        for (Change c : changes) {
            for (PlannedCall call : PlannedCalls.of(c)) {
                needed.addAll(PrivilegeFacts.bundled().required(call));
            }
        }
        return MissingPrivileges.of(needed, new GrantedPrivileges(permissions));
    }
}
