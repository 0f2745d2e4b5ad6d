package dev.proxmoxmpc.plugin.proxmox.privilege;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.proxmox.objects.SelfAccess;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.PreApplyCheck;
import dev.proxmoxmpc.spi.iac.PreApplyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.provider.Change;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Before /apply writes anything: refuses a plan whose access changes would lock proxmox-mpc out (deleting or disabling
 * the user or API token it authenticates as, or the ACL entries and groups that give it its privileges), naming each.
 * The provider refuses the same changes again when it is asked to make them.
 */
@Extension
public final class SelfLockoutCheck implements PreApplyCheck {
    /** The check's id, also the source of its diagnostics. */
    public static final String ID = "self-access";

    @Override
    public String id() {
        return ID;
    }

    /** The change would cut proxmox-mpc off the server: {@code --skip-tests} does not skip this. */
    @Override
    public boolean skippable() {
        return false;
    }

    @Override
    public List<Diagnostic> check(KernelContext ctx, PreApplyRequest request) {
        if (request.changes().isEmpty() || !(request.session() instanceof ProxmoxSession)) {
            return List.of();
        }
        String identity = request.session().probe().identity();
        List<Diagnostic> out = new ArrayList<>();
        for (Change c : request.changes()) {
            SelfAccess.lockout(identity, c, SelfAccess.of(request.observed())).ifPresent(why -> out.add(Diagnostic.error(why, ID)));
        }
        return out;
    }
}
