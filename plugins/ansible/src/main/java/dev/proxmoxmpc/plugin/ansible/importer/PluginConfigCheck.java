package dev.proxmoxmpc.plugin.ansible.importer;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * Reads a dynamic inventory plugin config ({@code plugin: community.proxmox.proxmox}). It holds no guests, so
 * nothing is imported; it is checked instead: a Proxmox plugin, known options, no secret in plain text.
 */
final class PluginConfigCheck {
    static final Set<String> OPTIONS = Set.of("plugin", "url", "user", "password", "token_id", "token_secret",
            "validate_certs", "want_facts", "want_proxmox_nodes_ansible_host", "qemu_extended_statuses", "facts_prefix",
            "group_prefix", "keyed_groups", "groups", "compose", "filters", "strict", "leading_separator",
            "use_extra_vars", "cache", "cache_plugin", "cache_timeout", "cache_connection", "cache_prefix");
    private static final Set<String> SECRETS = Set.of("password", "token_secret");

    private PluginConfigCheck() {}

    static void check(YamlNode.Mapping root, String source, List<Diagnostic> diagnostics) {
        YamlNode.Entry plugin = root.entries().get("plugin");
        String name = plugin.value() instanceof YamlNode.Scalar s && !s.isNull() ? s.text() : "";
        if (!name.equals("proxmox") && !name.endsWith(".proxmox")) {
            diagnostics.add(Diagnostic.warning("inventory plugin '" + name + "' is not the Proxmox one; not imported",
                    source + ":" + plugin.line()));
            return;
        }
        for (YamlNode.Entry e : root.entries().values()) {
            if (!OPTIONS.contains(e.key())) {
                diagnostics.add(Diagnostic.warning("unknown option '" + e.key() + "' of the Proxmox inventory plugin",
                        source + ":" + e.line()));
            } else if (SECRETS.contains(e.key()) && e.value() instanceof YamlNode.Scalar s && !s.isNull()
                    && !s.text().contains("{{")) {
                diagnostics.add(Diagnostic.error(e.key() + " is written in plain text; use \"{{ lookup('env', 'NAME') }}\""
                        + " and keep the secret in the environment", source + ":" + e.line()));
            }
        }
        diagnostics.add(Diagnostic.info("dynamic inventory config (" + name
                + "): guests come from the Proxmox API at run time; nothing to import", source + ":" + plugin.line()));
    }
}
