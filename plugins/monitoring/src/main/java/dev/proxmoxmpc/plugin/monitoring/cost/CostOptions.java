package dev.proxmoxmpc.plugin.monitoring.cost;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Set;

/**
 * What {@code cost} was asked for.
 *
 * @param by   {@code pool}, {@code tag} or {@code node}
 * @param json the report as JSON
 */
public record CostOptions(String by, boolean json) {
    static final List<String> GROUPS = List.of("pool", "tag", "node");

    /** @throws UsageException for a bad command line */
    public static CostOptions parse(List<String> words, boolean jsonRequested) {
        Args a = Args.parse(words, Set.of("--by"), Set.of("--json"));
        if (!a.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'");
        }
        String by = a.value("--by", "pool");
        if (!GROUPS.contains(by)) {
            throw new UsageException("--by must be one of " + String.join(", ", GROUPS) + ", got '" + by + "'");
        }
        return new CostOptions(by, a.flag("--json") || jsonRequested);
    }
}
