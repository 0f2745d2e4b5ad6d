package dev.proxmoxmpc.plugin.ansible;

import dev.proxmoxmpc.plugin.ansible.inventory.Addresses;
import dev.proxmoxmpc.plugin.ansible.inventory.InventoryPlan;
import dev.proxmoxmpc.plugin.ansible.provision.OsTemplates;
import dev.proxmoxmpc.plugin.ansible.provision.RootDisk;
import dev.proxmoxmpc.plugin.ansible.roles.RolePlan;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds the template models; every string value is already a valid YAML scalar (or comment text). */
final class Models {
    private final GenerationRequest request;
    private final AnsibleOptions options;
    private final InventoryPlan plan;
    private final List<RolePlan> roles;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    Models(GenerationRequest request, AnsibleOptions options, InventoryPlan plan, List<RolePlan> roles) {
        this.request = request;
        this.options = options;
        this.plan = plan;
        this.roles = roles;
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** Values every template may use. */
    Map<String, Object> base() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", Yaml.scalar(request.environment()));
        m.put("environmentComment", Yaml.comment(request.environment()));
        m.put("endpoint", Yaml.scalar(request.endpoint().isEmpty() ? "" : request.endpoint()));
        m.put("hasEndpoint", !request.endpoint().isEmpty());
        m.put("secretVariable", secretVariable());
        m.put("collection", options.collection());
        return m;
    }

    Map<String, Object> inventory() {
        Map<String, Object> m = base();
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (Guest g : request.desired().guests()) {
            String host = plan.hosts().get(g.vmid());
            if (!host.equals(g.name())) {
                diagnostics.add(Diagnostic.info("guest " + g.vmid() + " '" + g.name() + "' is host '" + host
                        + "' in the Ansible inventory (name missing, taken or not valid)", "ansible/inventory.yml"));
            }
            List<Map<String, String>> vars = new ArrayList<>();
            vars.add(kv("ansible_host", Yaml.scalar(Addresses.of(g, request.observed()).orElse(host))));
            vars.add(kv("proxmox_node", Yaml.scalar(g.node())));
            vars.add(kv("proxmox_vmid", Integer.toString(g.vmid())));
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("name", Yaml.scalar(host));
            h.put("sortKey", host);
            h.put("vars", vars);
            hosts.add(h);
        }
        hosts.sort(java.util.Comparator.comparing(h -> (String) h.get("sortKey")));
        m.put("hosts", hosts);
        m.put("hasHosts", !hosts.isEmpty());
        Map<String, String> originals = plan.originals();
        List<Map<String, Object>> groups = new ArrayList<>();
        plan.groups().forEach((name, members) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", name);
            g.put("comment", originals.containsKey(name) ? "  # Proxmox " + Yaml.comment(originals.get(name)) : "");
            g.put("hosts", members.stream().map(Yaml::scalar).toList());
            g.put("empty", members.isEmpty());
            groups.add(g);
        });
        m.put("groups", groups);
        return m;
    }

    Map<String, Object> dynamicInventory() {
        Map<String, Object> m = base();
        m.put("plugin", options.fqcn("proxmox"));
        m.put("url", request.endpoint().isEmpty() ? Yaml.quoted("{{ lookup('env', 'PROXMOX_URL') }}") : Yaml.scalar(request.endpoint()));
        m.put("user", options.proxmoxUser().isEmpty() ? Yaml.quoted("{{ lookup('env', 'PROXMOX_USER') }}") : Yaml.scalar(options.proxmoxUser()));
        m.put("tokenId", options.tokenId().isEmpty() ? Yaml.quoted("{{ lookup('env', 'PROXMOX_TOKEN_ID') }}") : Yaml.scalar(options.tokenId()));
        m.put("tokenSecret", Yaml.quoted("{{ lookup('env', '" + secretVariable() + "') }}"));
        return m;
    }

    Map<String, Object> site() {
        Map<String, Object> m = base();
        m.put("roles", roles.stream().map(this::role).toList());
        return m;
    }

    Map<String, Object> role(RolePlan role) {
        Map<String, Object> m = base();
        m.put("role", role.role());
        m.put("title", Yaml.scalar(title(role)));
        m.put("hosts", Yaml.scalar(role.hostPattern()));
        m.put("tags", Yaml.comment(role.tags().isEmpty() ? "every running guest" : "tags " + String.join(", ", role.tags())));
        m.put("common", role.role().equals(RolePlan.COMMON));
        m.put("description", Yaml.quoted("Role " + role.role() + " for " + Yaml.comment(
                role.tags().isEmpty() ? "every running guest" : "tags " + String.join(", ", role.tags())) + ", generated by proxmox-mpc"));
        m.put("packagesExpr", Yaml.quoted("{{ " + role.role() + "_packages }}"));
        return m;
    }

    Map<String, Object> roleGroup(RolePlan role, String group) {
        Map<String, Object> m = role(role);
        m.put("group", group);
        String tag = plan.tagGroups().entrySet().stream().filter(e -> e.getValue().equals(group))
                .map(Map.Entry::getKey).findFirst().orElse(group);
        m.put("tag", Yaml.comment(tag));
        return m;
    }

    Map<String, Object> provision() {
        Map<String, Object> m = dynamicInventory();
        m.put("apiHost", Yaml.scalar(apiHost()));
        m.put("kvm", options.fqcn("proxmox_kvm"));
        m.put("lxc", options.fqcn("proxmox"));
        List<Map<String, Object>> vms = new ArrayList<>();
        List<Map<String, Object>> cts = new ArrayList<>();
        for (Guest g : request.desired().guests()) {
            if (g.template()) {
                continue;
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("vmid", g.vmid());
            v.put("name", Yaml.scalar(g.name().isEmpty() ? plan.hosts().get(g.vmid()) : g.name()));
            v.put("node", Yaml.scalar(g.node()));
            v.put("cores", g.cores());
            v.put("memory", g.memoryMiB());
            v.put("pool", g.pool().isEmpty() ? "" : Yaml.scalar(g.pool()));
            v.put("running", g.status() == dev.proxmoxmpc.spi.model.PowerState.RUNNING);
            v.put("sockets", g.intValue("sockets", 1));
            if (g instanceof Container ct) {
                Optional<OsTemplates.Choice> t = OsTemplates.of(ct, request.containerTemplates());
                v.put("ostemplate", t.map(c -> Yaml.scalar(c.volid())).orElse(""));
                v.put("ostemplateComment", t.map(c -> Yaml.comment(c.comment())).orElse(""));
                RootDisk.of(ct).ifPresent(d -> {
                    v.put("storage", Yaml.scalar(d.storage()));
                    v.put("disk", d.sizeGiB() > 0 ? Yaml.scalar(d.storage() + ":" + d.sizeGiB()) : "");
                });
                v.put("noOstemplate", t.isEmpty() ? Yaml.comment("no " + ct.config().getOrDefault("ostype", "")
                        + " template known on any node: add ostemplate before creating it") : "");
            }
            (g.kind() == GuestKind.VM ? vms : cts).add(v);
        }
        m.put("vms", vms);
        m.put("containers", cts);
        m.put("hasVms", !vms.isEmpty());
        m.put("hasContainers", !cts.isEmpty());
        return m;
    }

    private String apiHost() {
        if (request.endpoint().isEmpty()) {
            return "{{ lookup('env', 'PROXMOX_HOST') }}";
        }
        try {
            java.net.URI uri = java.net.URI.create(request.endpoint());
            String host = uri.getHost() == null ? request.endpoint() : uri.getHost();
            return uri.getPort() < 0 || uri.getPort() == 8006 ? host : host + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.warning("endpoint '" + request.endpoint() + "' is not a URL; provision.yml uses it as the host", "ansible/provision.yml"));
            return request.endpoint();
        }
    }

    private String secretVariable() {
        return "PROXMOX_MPC_" + request.environment().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }

    private static String title(RolePlan role) {
        return role.role().equals(RolePlan.COMMON) ? "Apply the common baseline"
                : "Apply role " + role.role() + " to " + String.join(", ", role.tags());
    }

    private static Map<String, String> kv(String key, String value) {
        return Map.of("key", key, "value", value);
    }

}
