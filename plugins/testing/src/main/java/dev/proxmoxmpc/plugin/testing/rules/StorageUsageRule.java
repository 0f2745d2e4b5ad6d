package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.provider.ApiData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** No storage is fuller than {@code max_percent} (default 85) on any node ({@code GET /cluster/resources?type=storage}). */
@Extension
public class StorageUsageRule extends Rule {
    public StorageUsageRule() {
        super("storage-usage", Severity.WARNING,
                "a full storage stops thin-provisioned guests with I/O errors and makes backups and snapshots fail",
                "free space (old backups, snapshots, unused disks), grow the storage, or move disks elsewhere");
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        double limit = Options.number(request.options(), "max_percent", 85);
        List<Diagnostic> out = new ArrayList<>();
        for (Map<String, Object> row : request.server().read("/cluster/resources", Map.of("type", "storage")).rows()) {
            double max = ApiData.number(row, "maxdisk", 0);
            double used = ApiData.number(row, "disk", 0);
            if (max > 0 && used / max * 100 > limit) {
                String id = ApiData.string(row, "storage");
                String node = ApiData.string(row, "node");
                out.add(finding("storage/" + id + "@" + node, "storage " + id + " on " + node + " is "
                        + Options.format(Math.round(used / max * 1000) / 10.0) + " % full (limit " + Options.format(limit) + " %)"));
            }
        }
        return out;
    }
}
