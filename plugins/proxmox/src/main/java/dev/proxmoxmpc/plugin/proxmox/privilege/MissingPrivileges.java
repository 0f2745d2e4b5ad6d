package dev.proxmoxmpc.plugin.proxmox.privilege;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every privilege a plan needs that the credential lacks, and the {@code pveum} commands that grant them: one custom
 * role per distinct set of privileges ({@code pveum role add}), assigned on each path ({@code pveum acl modify}).
 */
final class MissingPrivileges {
    private MissingPrivileges() {
    }

    /** @return the requirements {@code granted} does not satisfy, each (path, privileges) once, in plan order */
    static List<Requirement> of(List<Requirement> needed, GrantedPrivileges granted) {
        Map<String, Requirement> missing = new LinkedHashMap<>();
        for (Requirement r : needed) {
            if (!granted.satisfies(r)) {
                missing.putIfAbsent(r.path() + " " + r.privilegeText(), r);
            }
        }
        return List.copyOf(missing.values());
    }

    /** @return the report: what is missing for which change, then the commands; {@code identity} is the user or token */
    static String report(String identity, List<Requirement> missing) {
        StringBuilder b = new StringBuilder();
        b.append(identity).append(" lacks ").append(missing.size()).append(missing.size() == 1 ? " privilege" : " privileges")
                .append(" this plan needs; nothing was changed:");
        for (Requirement r : missing) {
            b.append("\n  ").append(r.path()).append("  ").append(r.privilegeText()).append("  (").append(r.change()).append(')');
        }
        b.append("\ngrant them on the cluster (as root), e.g.:");
        commands(identity, missing).forEach(c -> b.append("\n  ").append(c));
        if (identity.contains("!")) {
            b.append("\n(a token with privilege separation holds only what both it and its user hold: grant its user the same,"
                    + " with --users " + identity.substring(0, identity.indexOf('!')) + ")");
        }
        return b.toString();
    }

    /** @return {@code pveum role add} for each distinct set of privileges, then {@code pveum acl modify} per path */
    static List<String> commands(String identity, List<Requirement> missing) {
        Map<String, Set<String>> byPath = new TreeMap<>();
        for (Requirement r : missing) {
            // of "any" privileges, grant the first (the one PVE names first in its own check)
            byPath.computeIfAbsent(r.path(), p -> new TreeSet<>()).addAll(r.any() ? List.of(r.privileges().get(0)) : r.privileges());
        }
        Map<Set<String>, String> roles = new LinkedHashMap<>();
        for (Set<String> privs : new LinkedHashSet<>(byPath.values())) {
            roles.put(privs, "MpcApply" + (roles.size() + 1));
        }
        List<String> out = new ArrayList<>();
        roles.forEach((privs, role) -> out.add("pveum role add " + role + " --privs \"" + String.join(",", privs) + "\""));
        String who = identity.contains("!") ? "--tokens '" + identity + "'" : "--users '" + identity + "'";
        byPath.forEach((path, privs) -> out.add("pveum acl modify " + path + " " + who + " --roles " + roles.get(privs)));
        return out;
    }
}
