package dev.proxmoxmpc.plugin.monitoring.top;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What {@code top} was asked for.
 *
 * @param node     only this node and its guests, or {@code ""}
 * @param sort     {@code cpu}, {@code mem}, {@code io} or {@code net}
 * @param once     one snapshot (two samples a refresh apart) instead of the live view
 * @param json     the snapshot as JSON
 * @param interval time between samples
 */
public record TopOptions(String node, String sort, boolean once, boolean json, Duration interval) {
    static final List<String> SORTS = List.of("cpu", "mem", "io", "net");
    static final Set<String> VALUE_FLAGS = Set.of("--node", "--sort", "--interval");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--once", "--json");

    /** @throws UsageException for a bad command line */
    public static TopOptions parse(List<String> words, boolean jsonRequested) {
        Args a = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        if (!a.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'");
        }
        String sort = a.value("--sort", "cpu");
        if (!SORTS.contains(sort)) {
            throw new UsageException("--sort must be one of " + String.join(", ", SORTS) + ", got '" + sort + "'");
        }
        int seconds = a.intValue("--interval").orElse(2);
        if (seconds < 1 || seconds > 3600) {
            throw new UsageException("--interval must be between 1 and 3600 seconds, got " + seconds);
        }
        return new TopOptions(a.value("--node", ""), sort, a.flag("--once"), a.flag("--json") || jsonRequested,
                Duration.ofSeconds(seconds));
    }

    /** @return the next sort order after this one (the live view's {@code s} key). */
    String nextSort() {
        return SORTS.get((SORTS.indexOf(sort) + 1) % SORTS.size());
    }
}
