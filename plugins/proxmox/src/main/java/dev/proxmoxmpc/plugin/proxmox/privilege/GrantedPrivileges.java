package dev.proxmoxmpc.plugin.proxmox.privilege;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code GET /access/permissions} says the caller holds: the effective privileges on each path with an ACL. A path
 * without an entry inherits from its nearest listed ancestor ({@code /vms/120} from {@code /vms}, then {@code /}).
 */
final class GrantedPrivileges {
    private final Map<String, Set<String>> byPath = new TreeMap<>();

    GrantedPrivileges(Map<String, List<String>> permissions) {
        permissions.forEach((path, privs) -> byPath.put(normalize(path), Set.copyOf(privs)));
    }

    boolean satisfies(Requirement r) {
        Set<String> held = effective(r.path());
        return r.any() ? r.privileges().stream().anyMatch(held::contains) : held.containsAll(r.privileges());
    }

    Set<String> effective(String path) {
        String p = normalize(path);
        while (true) {
            Set<String> held = byPath.get(p);
            if (held != null) {
                return held;
            }
            if (p.equals("/")) {
                return Set.of();
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "/" : p.substring(0, slash);
        }
    }

    private static String normalize(String path) {
        String p = path.isEmpty() ? "/" : path;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
