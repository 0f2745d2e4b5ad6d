package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.run.Phase;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code /test [NAME|PATH] [--phase plan|live] [--junit FILE] [--json]}, parsed in one place.
 *
 * @param target a guest name or a path under tests/, if given
 * @param phase  plan or live (default live)
 * @param junit  where to write JUnit XML, if asked
 * @param json   print only the JSON document
 */
public record TestOptions(Optional<String> target, Phase phase, Optional<String> junit, boolean json) {
    static final Set<String> VALUE_FLAGS = Set.of("--phase", "--junit");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--json");

    /** @throws UsageException for a wrong command line */
    public static TestOptions parse(List<String> words) {
        Args args = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        if (args.positionals().size() > 1) {
            throw new UsageException("give at most one guest name or path, not " + String.join(" ", args.positionals()));
        }
        String phase = args.value("--phase", "live");
        Phase p = switch (phase) {
            case "plan" -> Phase.PLAN;
            case "live" -> Phase.LIVE;
            default -> throw new UsageException("--phase must be plan or live, not '" + phase + "'");
        };
        return new TestOptions(args.positionals().stream().findFirst(), p, args.value("--junit"), args.flag("--json"));
    }
}
