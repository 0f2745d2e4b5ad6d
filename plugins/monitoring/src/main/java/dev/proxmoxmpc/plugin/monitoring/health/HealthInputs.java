package dev.proxmoxmpc.plugin.monitoring.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server told {@code health}, gathered by {@link HealthReader} (or made up by a test).
 *
 * @param now             epoch seconds
 * @param clusterStatus   rows of {@code /cluster/status}
 * @param resources       rows of {@code /cluster/resources}
 * @param tasks           rows of {@code /cluster/tasks}
 * @param lastBackup      newest backup per VMID (epoch seconds), from backup volumes and finished vzdump tasks
 * @param backupGaps      what could not be listed for backups (a node or storage that did not answer)
 * @param notBackedUp     VMIDs in no backup job ({@code /cluster/backup-info/not-backed-up}); empty with the reason
 *                        when the server cannot tell
 * @param notBackedUpNote why {@code notBackedUp} is empty, or {@code ""}
 * @param certificates    rows of {@code /nodes/{node}/certificates/info} per node that answered
 * @param unreachable     nodes that are listed online but did not answer, with the error
 */
public record HealthInputs(long now, List<Map<String, Object>> clusterStatus, List<Map<String, Object>> resources,
                           List<Map<String, Object>> tasks, Map<Integer, Long> lastBackup, List<String> backupGaps,
                           Optional<List<Integer>> notBackedUp, String notBackedUpNote,
                           Map<String, List<Map<String, Object>>> certificates, Map<String, String> unreachable) {
    public HealthInputs {
        clusterStatus = List.copyOf(clusterStatus);
        resources = List.copyOf(resources);
        tasks = List.copyOf(tasks);
        lastBackup = Map.copyOf(lastBackup);
        backupGaps = List.copyOf(backupGaps);
        certificates = Map.copyOf(certificates);
        unreachable = Map.copyOf(unreachable);
    }
}
