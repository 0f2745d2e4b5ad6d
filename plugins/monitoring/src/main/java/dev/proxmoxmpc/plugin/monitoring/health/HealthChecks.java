package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.plugin.monitoring.settings.Units;
import dev.proxmoxmpc.spi.provider.ApiData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The checks of {@code health}, pure: inputs and limits in, one {@link Check} each out, in a fixed order. */
public final class HealthChecks {
    private static final Set<String> HA_CRITICAL = Set.of("error");
    private static final Set<String> HA_WARNING = Set.of("fence", "recovery", "freeze");
    private final HealthLimits limits;

    public HealthChecks(HealthLimits limits) {
        this.limits = limits;
    }

    /** @return nodes, quorum, storage, ha, guests, tasks, backups, certificates */
    public List<Check> run(HealthInputs in) {
        return List.of(nodes(in), quorum(in), storage(in), ha(in), new GuestLoadCheck(limits).run(in), tasks(in),
                new BackupCheck(limits).run(in), certificates(in));
    }

    Check nodes(HealthInputs in) {
        List<String> bad = new ArrayList<>();
        int total = 0;
        for (Map<String, Object> r : in.clusterStatus()) {
            if (!ApiData.string(r, "type").equals("node")) {
                continue;
            }
            total++;
            String name = ApiData.string(r, "name");
            if (ApiData.number(r, "online", 0) != 1) {
                bad.add(name + ": offline");
            } else if (in.unreachable().containsKey(name)) {
                bad.add(name + ": listed online but does not answer (" + in.unreachable().get(name) + ")");
            }
        }
        String summary = (total - bad.size()) + " of " + total + " nodes online";
        return bad.isEmpty() ? Check.ok("nodes", summary) : new Check("nodes", Status.CRITICAL, summary, bad);
    }

    Check quorum(HealthInputs in) {
        for (Map<String, Object> r : in.clusterStatus()) {
            if (ApiData.string(r, "type").equals("cluster")) {
                String name = ApiData.string(r, "name");
                return ApiData.number(r, "quorate", 0) == 1 ? Check.ok("quorum", "cluster " + name + " is quorate")
                        : new Check("quorum", Status.CRITICAL, "cluster " + name + " has lost quorum",
                        List.of("without quorum /etc/pve is read-only: no guest can be started or changed"));
            }
        }
        return Check.ok("quorum", "a single node, not a cluster: no quorum needed");
    }

    Check storage(HealthInputs in) {
        Status worst = Status.OK;
        List<String> details = new ArrayList<>();
        Set<String> seenShared = new HashSet<>();
        int count = 0;
        for (Map<String, Object> r : in.resources()) {
            if (!ApiData.string(r, "type").equals("storage")) {
                continue;
            }
            String id = ApiData.string(r, "storage");
            String node = ApiData.string(r, "node");
            if (ApiData.number(r, "shared", 0) == 1 && !seenShared.add(id)) {
                continue;
            }
            count++;
            String where = id + " on " + node;
            if (!ApiData.string(r, "status").equals("available")) {
                worst = worst.worst(Status.WARNING);
                details.add(where + ": " + (ApiData.string(r, "status").isEmpty() ? "status unknown" : ApiData.string(r, "status")));
                continue;
            }
            double max = ApiData.number(r, "maxdisk", 0);
            double used = max <= 0 ? 0 : ApiData.number(r, "disk", 0) / max;
            Status s = used >= limits.storageCritical() ? Status.CRITICAL : used >= limits.storageWarn() ? Status.WARNING : Status.OK;
            if (s != Status.OK) {
                worst = worst.worst(s);
                details.add(where + ": " + Units.percent(used) + " used (" + Units.bytes(ApiData.number(r, "disk", 0))
                        + " of " + Units.bytes(max) + ")");
            }
        }
        String summary = details.isEmpty() ? count + " storages below " + Units.percent(limits.storageWarn()) + " use"
                : details.size() + " of " + count + " storages need attention";
        return new Check("storage", worst, summary, details);
    }

    Check ha(HealthInputs in) {
        Status worst = Status.OK;
        List<String> details = new ArrayList<>();
        int managed = 0;
        for (Map<String, Object> r : in.resources()) {
            String state = ApiData.string(r, "hastate");
            if (state.isEmpty() || !(ApiData.string(r, "type").equals("qemu") || ApiData.string(r, "type").equals("lxc"))) {
                continue;
            }
            managed++;
            String sid = (ApiData.string(r, "type").equals("qemu") ? "vm:" : "ct:") + ApiData.string(r, "vmid");
            if (HA_CRITICAL.contains(state)) {
                worst = worst.worst(Status.CRITICAL);
                details.add(sid + " on " + ApiData.string(r, "node") + ": " + state);
            } else if (HA_WARNING.contains(state)) {
                worst = worst.worst(Status.WARNING);
                details.add(sid + " on " + ApiData.string(r, "node") + ": " + state);
            }
        }
        String summary = managed == 0 ? "no HA resources" : details.isEmpty() ? managed + " HA resources in a good state"
                : details.size() + " of " + managed + " HA resources need attention";
        return new Check("ha", worst, summary, details);
    }

    Check tasks(HealthInputs in) {
        long since = in.now() - limits.taskWindow().toSeconds();
        List<String> failed = new ArrayList<>();
        for (Map<String, Object> t : in.tasks()) {
            String status = ApiData.string(t, "status");
            long end = (long) ApiData.number(t, "endtime", 0);
            if (end == 0 || end < since || status.isEmpty() || status.equals("OK") || status.startsWith("WARNINGS")) {
                continue;
            }
            String id = ApiData.string(t, "id");
            failed.add(ApiData.string(t, "type") + (id.isEmpty() ? "" : " " + id) + " on " + ApiData.string(t, "node")
                    + " by " + ApiData.string(t, "user") + ": " + status);
        }
        String window = limits.taskWindow().toHours() + " h";
        return failed.isEmpty() ? Check.ok("tasks", "no failed task in the last " + window)
                : new Check("tasks", Status.WARNING, failed.size() + " failed tasks in the last " + window, failed);
    }

    Check certificates(HealthInputs in) {
        if (in.certificates().isEmpty()) {
            return Check.skipped("certificates", "no node answered for its certificates");
        }
        Status worst = Status.OK;
        List<String> details = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, List<Map<String, Object>>> e : new TreeMap<>(in.certificates()).entrySet()) {
            for (Map<String, Object> c : e.getValue()) {
                count++;
                long left = (long) ApiData.number(c, "notafter", Long.MAX_VALUE) - in.now();
                Status s = left <= limits.certCritical().toSeconds() ? Status.CRITICAL
                        : left <= limits.certWarn().toSeconds() ? Status.WARNING : Status.OK;
                if (s != Status.OK) {
                    worst = worst.worst(s);
                    details.add(ApiData.string(c, "filename") + " on " + e.getKey() + ": "
                            + (left <= 0 ? "expired " + (-left / 86_400) + " days ago" : "expires in " + (left / 86_400) + " days"));
                }
            }
        }
        String summary = details.isEmpty() ? count + " certificates valid for more than " + limits.certWarn().toDays() + " days"
                : details.size() + " of " + count + " certificates expire soon";
        return new Check("certificates", worst, summary, details);
    }
}
