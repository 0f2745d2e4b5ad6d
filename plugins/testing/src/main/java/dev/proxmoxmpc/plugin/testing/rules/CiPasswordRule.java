package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.pf4j.Extension;

/** No cloud-init password sits in the state in plain text. */
@Extension
public class CiPasswordRule extends Rule {
    public CiPasswordRule() {
        super("no-plain-cipassword", Severity.ERROR,
                "a cloud-init password in the state ends up in the state database, its snapshots and every copy of the project",
                "remove cipassword and log in with sshkeys; set a password, if one is needed, from a secret at provisioning time");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        return desired.vms().stream().filter(v -> !v.value("cipassword").isEmpty())
                .map(v -> finding(v, "a cloud-init password (cipassword) is stored in the state")).toList();
    }
}
