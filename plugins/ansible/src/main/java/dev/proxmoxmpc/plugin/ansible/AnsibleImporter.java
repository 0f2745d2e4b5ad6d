package dev.proxmoxmpc.plugin.ansible;

import dev.proxmoxmpc.plugin.ansible.importer.InventoryImport;
import dev.proxmoxmpc.spi.iac.ImportRequest;
import dev.proxmoxmpc.spi.iac.ImportResult;
import dev.proxmoxmpc.spi.iac.Importer;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Reads Ansible YAML inventories (the generated {@code ansible/inventory.yml} or one a user wrote) back into
 * desired state: hosts are matched to guests by {@code proxmox_vmid}, else by name; group membership becomes
 * tags, pool and power state; {@code proxmox_node} the node. The Proxmox dynamic inventory config is checked.
 */
@Extension
public class AnsibleImporter implements Importer {
    private static final Set<String> NOT_INVENTORY_DIRS = Set.of("roles", "playbooks", "group_vars", "host_vars",
            "tasks", "handlers", "defaults", "vars", "meta", "templates", "files", "collections", "molecule", ".github");
    private static final Set<String> NOT_INVENTORY_NAMES = Set.of("site", "provision", "playbook", "main", "requirements",
            "galaxy", "vault", ".ansible-lint", ".yamllint");

    public AnsibleImporter() {
        // PF4J needs a public no-arg constructor
    }

    @Override
    public String id() {
        return AnsibleGenerator.ID;
    }

    /**
     * Accepts {@code *.yml}/{@code *.yaml} inventories: files named like inventories ({@code inventory},
     * {@code hosts}, {@code *proxmox}), files under an {@code inventory}/{@code inventories} folder, and any
     * other YAML under {@code ansible/}; never playbooks ({@code site.yml}, {@code playbooks/}), roles or vars.
     */
    @Override
    public boolean handles(String path) {
        String p = path.replace('\\', '/');
        if (!p.endsWith(".yml") && !p.endsWith(".yaml")) {
            return false;
        }
        List<String> segments = List.of(p.split("/"));
        String file = segments.get(segments.size() - 1);
        String stem = file.substring(0, file.lastIndexOf('.'));
        List<String> dirs = segments.subList(0, segments.size() - 1);
        if (dirs.stream().anyMatch(NOT_INVENTORY_DIRS::contains) || NOT_INVENTORY_NAMES.contains(stem)
                || stem.startsWith("playbook")) {
            return false;
        }
        return stem.matches("(.*[._-])?(inventory|hosts|proxmox)") || dirs.contains("inventory")
                || dirs.contains("inventories") || (!dirs.isEmpty() && dirs.get(0).equals("ansible"));
    }

    @Override
    public ImportResult read(ImportRequest request) {
        return new InventoryImport(request).run();
    }
}
