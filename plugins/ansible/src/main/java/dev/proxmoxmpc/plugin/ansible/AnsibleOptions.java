package dev.proxmoxmpc.plugin.ansible;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The generator's options ({@code generators.ansible} in config.yml).
 *
 * @param collection  {@code community.proxmox} (default) or {@code community.general} for older Ansible
 * @param roles       tag to role name, defaults merged with the user's mapping, role names valid
 * @param proxmoxUser the API user for the dynamic inventory ({@code root@pam}), or {@code ""} for the env var
 * @param tokenId     the API token name for the dynamic inventory ({@code mpc}), or {@code ""} for the env var
 * @param provision   whether to write provision.yml
 * @param diagnostics problems found in the options
 */
public record AnsibleOptions(String collection, Map<String, String> roles, String proxmoxUser, String tokenId,
                             boolean provision, List<Diagnostic> diagnostics) {
    /** The Proxmox collections the generator can target. */
    public static final List<String> COLLECTIONS = List.of("community.proxmox", "community.general");

    /** The tag to role mapping used unless config changes it. */
    public static final Map<String, String> DEFAULT_ROLES = Map.of(
            "web", "web_server", "www", "web_server", "nginx", "web_server",
            "db", "database", "database", "database", "postgres", "database", "postgresql", "database",
            "monitoring", "monitoring");

    public AnsibleOptions {
        Objects.requireNonNull(collection, "collection");
        roles = java.util.Collections.unmodifiableMap(new TreeMap<>(roles));
        Objects.requireNonNull(proxmoxUser, "proxmoxUser");
        Objects.requireNonNull(tokenId, "tokenId");
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return the options read from config, with a diagnostic for each value that had to be corrected. */
    public static AnsibleOptions from(Map<String, Object> options) {
        List<Diagnostic> diags = new ArrayList<>();
        String collection = String.valueOf(options.getOrDefault("collection", COLLECTIONS.get(0)));
        if (!COLLECTIONS.contains(collection)) {
            diags.add(Diagnostic.error("generators.ansible.collection '" + collection
                    + "' is not supported; use community.proxmox or community.general", "config.yml"));
            collection = COLLECTIONS.get(0);
        }
        Map<String, String> roles = new TreeMap<>(DEFAULT_ROLES);
        Object userRoles = options.get("roles");
        if (userRoles instanceof Map<?, ?> m) {
            m.forEach((tag, role) -> mapRole(roles, String.valueOf(tag), role, diags));
        } else if (userRoles != null) {
            diags.add(Diagnostic.error("generators.ansible.roles must be a map of tag: role", "config.yml"));
        }
        boolean provision = !"false".equals(String.valueOf(options.getOrDefault("provision", "true")));
        return new AnsibleOptions(collection, roles, text(options, "proxmox_user"), text(options, "token_id"),
                provision, diags);
    }

    private static void mapRole(Map<String, String> roles, String tag, Object role, List<Diagnostic> diags) {
        String name = role == null ? "" : String.valueOf(role).trim();
        if (name.isEmpty() || name.equals("none") || name.equals("false")) {
            roles.remove(tag);
            return;
        }
        String valid = roleName(name);
        if (!valid.equals(name)) {
            diags.add(Diagnostic.info("role '" + name + "' for tag '" + tag + "' is written as '" + valid
                    + "' (Ansible role names are [a-z][a-z0-9_]*)", "config.yml"));
        }
        roles.put(tag, valid);
    }

    /** @return a valid Ansible role name for {@code name}: lower case, {@code [a-z0-9_]}, starting with a letter. */
    public static String roleName(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return s.matches("[a-z].*") ? s : "role_" + s;
    }

    /** @return the FQCN of a Proxmox module or plugin in the chosen collection ({@code proxmox_kvm}). */
    public String fqcn(String name) {
        return collection + "." + name;
    }

    private static String text(Map<String, Object> options, String key) {
        Object v = options.get(key);
        return v == null ? "" : String.valueOf(v).trim();
    }
}
