package dev.proxmoxmpc.plugin.sync.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What /status shows, from local state only.
 *
 * @param environment    the current environment
 * @param vms            VM counts (templates not included)
 * @param containers     container counts (templates not included)
 * @param templates      templates of both kinds
 * @param nodes          per node
 * @param lastSync       when the last /sync finished
 * @param lastSyncAgo    {@code 2 minutes ago}, or {@code never}
 * @param drifted        resources that drifted at the last sync
 * @param conflicts      conflicts at the last sync
 * @param pendingChanges plan items from the stored server state to the desired state
 * @param unseen         what the last read of the server could not see ({@code node pve3 (offline) ...}), or {@code ""}
 * @param locks          the state locks held now, one line each (a dead holder's says {@code stale})
 */
public record StatusResult(String environment, Kind vms, Kind containers, int templates, List<NodeRow> nodes, Optional<Instant> lastSync,
                           String lastSyncAgo, int drifted, int conflicts, int pendingChanges, String unseen, List<String> locks) {
    public StatusResult {
        nodes = List.copyOf(nodes);
        locks = List.copyOf(locks);
    }

    /** Counts of one kind of guest, templates not included. */
    public record Kind(int total, int running, int stopped) {}

    /** One node's line (guest counts without templates). */
    public record NodeRow(String node, String status, int vms, int containers, int running) {}
}
