package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.provider.ApiData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Every guest is in a backup job: the server's {@code GET /cluster/backup-info/not-backed-up} lists none of them. */
@Extension
public class BackupCoverageRule extends Rule {
    static final String PATH = "/cluster/backup-info/not-backed-up";

    public BackupCoverageRule() {
        super("backup-job-coverage", Severity.WARNING,
                "a guest no scheduled backup job includes has no backup to restore after a disk failure or a bad change",
                "add the guest to a backup job (Datacenter > Backup), or a job with 'all: 1', or exclude it on purpose there");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        List<Diagnostic> out = new ArrayList<>();
        for (Map<String, Object> row : request.server().read(PATH, Map.of()).rows()) {
            int vmid = (int) ApiData.number(row, "vmid", 0);
            Guest g = request.desired().guest(vmid).orElse(null);
            if (g != null && !g.template()) {
                out.add(finding(g, "is in no backup job"));
            }
        }
        return out;
    }
}
