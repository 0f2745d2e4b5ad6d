package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import org.pf4j.Extension;

/** Every guest has at least one tag. */
@Extension
public class TagsRule extends Rule {
    public TagsRule() {
        super("tags-present", Severity.WARNING,
                "tags give the Ansible groups, the roles, the anti-affinity tests and people's overview; an untagged guest gets none of them",
                "add tags that say the guest's role and environment (tags: web;prod)");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        return desired.guests().stream().filter(g -> !g.template() && g.tags().isEmpty())
                .map(g -> finding(g, "has no tags")).toList();
    }
}
