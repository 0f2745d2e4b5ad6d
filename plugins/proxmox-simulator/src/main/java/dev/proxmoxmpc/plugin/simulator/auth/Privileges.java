package dev.proxmoxmpc.plugin.simulator.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The privilege names of PVE 9 and the {@code cap} groups {@code POST /access/ticket} reports them in. */
public final class Privileges {
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("vms", List.of("VM.Allocate", "VM.Audit", "VM.Backup", "VM.Clone", "VM.Config.CDROM",
                "VM.Config.CPU", "VM.Config.Cloudinit", "VM.Config.Disk", "VM.Config.HWType", "VM.Config.Memory",
                "VM.Config.Network", "VM.Config.Options", "VM.Console", "VM.GuestAgent.Audit",
                "VM.GuestAgent.FileRead", "VM.GuestAgent.FileSystemMgmt", "VM.GuestAgent.FileWrite",
                "VM.GuestAgent.Unrestricted", "VM.Migrate", "VM.PowerMgmt", "VM.Replicate", "VM.Snapshot",
                "VM.Snapshot.Rollback", "Permissions.Modify"));
        GROUPS.put("storage", List.of("Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate",
                "Datastore.Audit", "Permissions.Modify"));
        GROUPS.put("sdn", List.of("SDN.Allocate", "SDN.Audit", "SDN.Use", "Permissions.Modify"));
        GROUPS.put("nodes", List.of("Sys.AccessNetwork", "Sys.Audit", "Sys.Console", "Sys.Incoming", "Sys.Modify",
                "Sys.PowerMgmt", "Sys.Syslog", "Permissions.Modify"));
        GROUPS.put("access", List.of("Group.Allocate", "User.Modify", "Permissions.Modify"));
        GROUPS.put("mapping", List.of("Mapping.Audit", "Mapping.Modify", "Mapping.Use", "Permissions.Modify"));
        GROUPS.put("dc", List.of("SDN.Allocate", "SDN.Audit", "SDN.Use", "Sys.Audit", "Sys.Modify"));
    }

    /** Every privilege root@pam holds (plus pool and realm privileges). */
    public static final Set<String> ALL = allPrivileges();

    /** The privileges of PVE 9's built-in {@code PVEAuditor} role: read everything, change nothing. */
    public static final Set<String> AUDITOR = Set.of("Datastore.Audit", "Mapping.Audit", "Pool.Audit", "SDN.Audit",
            "Sys.Audit", "VM.Audit", "VM.GuestAgent.Audit");

    private Privileges() {
    }

    private static Set<String> allPrivileges() {
        Set<String> all = GROUPS.values().stream().flatMap(List::stream).collect(Collectors.toCollection(java.util.TreeSet::new));
        all.addAll(List.of("Pool.Allocate", "Pool.Audit", "Realm.Allocate", "Realm.AllocateUser", "Sys.Console"));
        return Set.copyOf(all);
    }

    /** @return the {@code cap} map of a ticket answer: group to privilege to 1, only privileges held. */
    public static Map<String, Map<String, Integer>> cap(Set<String> held) {
        Map<String, Map<String, Integer>> cap = new LinkedHashMap<>();
        GROUPS.forEach((group, privs) -> {
            Map<String, Integer> m = new TreeMap<>();
            privs.stream().filter(held::contains).forEach(p -> m.put(p, 1));
            cap.put(group, m);
        });
        return cap;
    }
}
