package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what {@code health} needs: cluster status, resources and tasks (one request each), backup volumes per
 * backup storage, the backup jobs' coverage, and each online node's certificates. A node that is listed online but
 * does not answer (PVE's 595) is noted as unreachable, never a failure of the whole run.
 */
final class HealthReader {
    private final ProviderSession session;

    HealthReader(ProviderSession session) {
        this.session = session;
    }

    /** @throws ProviderException when the cluster itself cannot be asked */
    HealthInputs read(long now) {
        List<Map<String, Object>> status = session.read("/cluster/status", Map.of()).rows();
        List<Map<String, Object>> resources = session.read("/cluster/resources", Map.of()).rows();
        List<Map<String, Object>> tasks = session.read("/cluster/tasks", Map.of()).rows();
        Set<String> online = new HashSet<>();
        status.stream().filter(r -> ApiData.string(r, "type").equals("node") && ApiData.number(r, "online", 0) == 1)
                .forEach(r -> online.add(ApiData.string(r, "name")));
        Map<String, String> unreachable = new TreeMap<>();
        Map<Integer, Long> last = new TreeMap<>();
        List<String> gaps = new ArrayList<>();
        backupVolumes(resources, online, last, gaps, unreachable);
        backupTasks(tasks, last);
        Map<String, List<Map<String, Object>>> certs = new TreeMap<>();
        for (String node : online) {
            if (!unreachable.containsKey(node)) {
                try {
                    certs.put(node, session.read("/nodes/" + node + "/certificates/info", Map.of()).rows());
                } catch (ProviderException e) {
                    noteNode(node, e, unreachable);
                }
            }
        }
        Optional<List<Integer>> notBackedUp = Optional.empty();
        String note = "";
        try {
            List<Integer> ids = new ArrayList<>();
            session.read("/cluster/backup-info/not-backed-up", Map.of()).rows()
                    .forEach(r -> ids.add((int) ApiData.number(r, "vmid", 0)));
            notBackedUp = Optional.of(ids);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.NOT_FOUND && e.kind() != ProviderException.Kind.INVALID
                    && e.kind() != ProviderException.Kind.PERMISSION) {
                throw e;
            }
            note = "the server cannot tell which guests are in no backup job (" + e.getMessage() + ")";
        }
        return new HealthInputs(now, status, resources, tasks, last, gaps, notBackedUp, note, certs, unreachable);
    }

    private void backupVolumes(List<Map<String, Object>> resources, Set<String> online, Map<Integer, Long> last,
                               List<String> gaps, Map<String, String> unreachable) {
        Map<String, String> where = new LinkedHashMap<>(); // storage (or storage@node) -> node to ask
        for (Map<String, Object> r : resources) {
            String node = ApiData.string(r, "node");
            if (!ApiData.string(r, "type").equals("storage") || !ApiData.string(r, "content").contains("backup")
                    || !online.contains(node) || !ApiData.string(r, "status").equals("available")) {
                continue;
            }
            String id = ApiData.string(r, "storage");
            where.putIfAbsent(ApiData.number(r, "shared", 0) == 1 ? id : id + "@" + node, node);
        }
        for (Map.Entry<String, String> e : where.entrySet()) {
            String storage = e.getKey().split("@")[0];
            String node = e.getValue();
            if (unreachable.containsKey(node)) {
                continue;
            }
            try {
                for (Map<String, Object> v : session.read("/nodes/" + node + "/storage/" + storage + "/content",
                        Map.of("content", "backup")).rows()) {
                    int vmid = (int) ApiData.number(v, "vmid", 0);
                    long ctime = (long) ApiData.number(v, "ctime", 0);
                    if (vmid > 0) {
                        last.merge(vmid, ctime, Math::max);
                    }
                }
            } catch (ProviderException ex) {
                gaps.add("backups on " + storage + " (" + node + ") not listed: " + ex.getMessage());
                noteNode(node, ex, unreachable);
            }
        }
    }

    /** Finished, successful vzdump tasks of one guest count as backups too (a PBS storage may list nothing here). */
    private static void backupTasks(List<Map<String, Object>> tasks, Map<Integer, Long> last) {
        for (Map<String, Object> t : tasks) {
            String id = ApiData.string(t, "id");
            if (ApiData.string(t, "type").equals("vzdump") && ApiData.string(t, "status").equals("OK") && id.matches("\\d+")) {
                last.merge(Integer.parseInt(id), (long) ApiData.number(t, "endtime", 0), Math::max);
            }
        }
    }

    private static void noteNode(String node, ProviderException e, Map<String, String> unreachable) {
        if (e.kind() == ProviderException.Kind.CONNECTION || e.kind() == ProviderException.Kind.TIMEOUT) {
            unreachable.putIfAbsent(node, e.getMessage());
        }
    }
}
