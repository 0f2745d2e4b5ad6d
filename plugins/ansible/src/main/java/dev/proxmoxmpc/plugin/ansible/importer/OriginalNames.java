package dev.proxmoxmpc.plugin.ansible.importer;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the comments the generator writes after tag, pool and node groups
 * ({@code tag_team_a_96c288:  # Proxmox tag team-a}), so a group name made valid for Ansible reads back to
 * the exact Proxmox name even when the base inventory no longer has it.
 */
final class OriginalNames {
    private static final Pattern GROUP = Pattern.compile("^\\s+((?:tag|pool|node)_[A-Za-z0-9_]+):.*#\\s*Proxmox (tag|pool|node) (\\S.*?)\\s*$");

    private OriginalNames() {}

    /** @return group name to original name, for the groups whose comment names their kind correctly. */
    static Map<String, String> scan(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher m = GROUP.matcher(line);
            if (m.matches() && m.group(1).startsWith(m.group(2) + "_")) {
                out.putIfAbsent(m.group(1), m.group(3));
            }
        }
        return out;
    }
}
