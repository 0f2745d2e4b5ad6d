package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.pf4j.Extension;

/** VM templates carry a cloud-init drive so their clones can be configured. */
@Extension
public class TemplateCloudInitRule extends Rule {
    public TemplateCloudInitRule() {
        super("template-cloud-init", Severity.WARNING,
                "a clone of a template without cloud-init starts with the template's host name, keys and addresses",
                "add a cloud-init drive (ide2: local-lvm:cloudinit) to the template");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        return desired.vms().stream().filter(v -> v.template())
                .filter(v -> v.disks().stream().noneMatch(d -> d.volume().contains("cloudinit")))
                .map(v -> finding(v, "is a template without a cloud-init drive")).toList();
    }
}
