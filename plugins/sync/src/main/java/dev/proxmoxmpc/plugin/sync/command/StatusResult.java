package dev.proxmoxmpc.plugin.sync.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What /status shows, from local state only.
 *
 * @param environment    the current environment
 * @param vms            VM counts
 * @param containers     container counts
 * @param nodes          per node
 * @param lastSync       when the last /sync finished
 * @param lastSyncAgo    {@code 2 minutes ago}, or {@code never}
 * @param drifted        resources that drifted at the last sync
 * @param conflicts      conflicts at the last sync
 * @param pendingChanges plan items from the stored server state to the desired state
 */
public record StatusResult(String environment, Kind vms, Kind containers, List<NodeRow> nodes, Optional<Instant> lastSync,
                           String lastSyncAgo, int drifted, int conflicts, int pendingChanges) {
    public StatusResult {
        nodes = List.copyOf(nodes);
    }

    /** Counts of one kind of guest; templates count as stopped and are also counted apart. */
    public record Kind(int total, int running, int stopped, int templates) {}

    /** One node's line. */
    public record NodeRow(String node, String status, int vms, int containers, int running) {}
}
