package dev.proxmoxmpc.plugin.ansible;

import dev.proxmoxmpc.plugin.ansible.inventory.InventoryPlan;
import dev.proxmoxmpc.plugin.ansible.roles.RolePlan;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Generates the {@code ansible/} folder: a static inventory of the desired guests, the Proxmox dynamic inventory
 * config, site.yml with one playbook per role, group_vars, roles chosen from tags, and provision.yml. Every file
 * comes from a template under {@code templates/ansible/} (overridable per project); pure and deterministic.
 */
@Extension
public class AnsibleGenerator implements Generator {
    /** The generator id and the key of its options in config.yml. */
    public static final String ID = "ansible";

    public AnsibleGenerator() {
        // PF4J needs a public no-arg constructor
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        AnsibleOptions options = AnsibleOptions.from(request.options());
        InventoryPlan plan = InventoryPlan.of(request.desired());
        List<RolePlan> roles = RolePlan.of(plan, options.roles());
        Models models = new Models(request, options, plan, roles);
        List<GeneratedFile> files = new ArrayList<>();
        Out out = (path, template, model) ->
                files.add(new GeneratedFile("ansible/" + path, request.templates().render(AnsibleGenerator.class, template, model)));
        out.file("ansible.cfg", "ansible/ansible.cfg", models.base());
        out.file("inventory.yml", "ansible/inventory.yml", models.inventory());
        out.file("proxmox.yml", "ansible/proxmox.yml", models.dynamicInventory());
        out.file("site.yml", "ansible/site.yml", models.site());
        out.file("group_vars/all.yml", "ansible/group_vars/all.yml", models.base());
        out.file("group_vars/vms.yml", "ansible/group_vars/vms.yml", models.base());
        out.file("group_vars/containers.yml", "ansible/group_vars/containers.yml", models.base());
        for (RolePlan role : roles) {
            Map<String, Object> model = models.role(role);
            out.file("playbooks/" + role.role() + ".yml", "ansible/playbook.yml", model);
            for (String part : List.of("tasks", "handlers", "defaults")) {
                out.file("roles/" + role.role() + "/" + part + "/main.yml", role.templateDir() + "/" + part + ".yml", model);
            }
            out.file("roles/" + role.role() + "/meta/main.yml", "ansible/roles/meta.yml", model);
            for (String group : role.groups()) {
                out.file("group_vars/" + group + ".yml", role.templateDir() + "/group_vars.yml", models.roleGroup(role, group));
            }
        }
        if (options.provision()) {
            out.file("provision.yml", "ansible/provision.yml", models.provision());
        }
        List<Diagnostic> diagnostics = new ArrayList<>(options.diagnostics());
        diagnostics.addAll(models.diagnostics());
        return new GenerationResult(files, diagnostics);
    }

    @FunctionalInterface
    private interface Out {
        void file(String path, String template, Object model);
    }
}
