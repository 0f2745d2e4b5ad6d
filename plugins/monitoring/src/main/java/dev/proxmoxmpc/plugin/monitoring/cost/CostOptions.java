package dev.proxmoxmpc.plugin.monitoring.cost;

import java.util.List;

/**
 * What {@code cost} was asked for.
 *
 * @param by   {@code pool}, {@code tag} or {@code node}
 * @param json the report as JSON
 */
public record CostOptions(String by, boolean json) {
    static final List<String> GROUPS = List.of("pool", "tag", "node");
}
