package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code environment list}: where an environment is, how it is reached, its last sync and drift.
 *
 * @param current   whether commands act on it
 * @param name      its name
 * @param server    its API URL
 * @param auth      the token id or user
 * @param tls       {@code pinned}, {@code ca-file}, {@code insecure} or {@code system}
 * @param lastSync  when it was last synced, or null when never (as this project's state knows it)
 * @param drifted   guests that drifted at that sync, or -1 when never synced
 * @param mapped    how many names its mapping translates
 */
record EnvironmentRow(boolean current, String name, String server, String auth, String tls, Instant lastSync,
                      int drifted, int mapped) {

    static EnvironmentRow of(EnvironmentConfig e, boolean current, Optional<SyncRun> lastSync) {
        String tls = e.insecure() ? "insecure" : !e.fingerprint().isEmpty() ? "pinned" : !e.caFile().isEmpty() ? "ca-file" : "system";
        var m = e.mapping();
        int mapped = m.nodes().size() + m.storages().size() + m.bridges().size() + m.subnets().size() + m.ostemplates().size();
        return new EnvironmentRow(current, e.name(), e.endpoint(), e.tokenId().isEmpty() ? e.username() : e.tokenId(), tls,
                lastSync.map(SyncRun::time).orElse(null), lastSync.map(SyncRun::drifted).orElse(-1), mapped);
    }

    List<String> cells() {
        return List.of(current ? "*" : "", name, server, auth, tls, lastSync == null ? "never" : lastSync.toString(),
                drifted < 0 ? "-" : drifted == 0 ? "none" : drifted + " guests", mapped == 0 ? "-" : mapped + " names");
    }
}
