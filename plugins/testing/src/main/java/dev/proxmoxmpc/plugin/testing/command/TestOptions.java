package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.plugin.testing.run.Phase;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.Optional;

/**
 * The options of {@code /test [NAME|PATH] [--phase plan|live] [--junit FILE]}, checked in one place from the
 * command's declared fields.
 *
 * @param target a guest name or a path under tests/, if given
 * @param phase  plan or live (default live)
 * @param junit  where to write JUnit XML, if asked
 */
public record TestOptions(Optional<String> target, Phase phase, Optional<String> junit) {

    /**
     * @param target the positional, or null
     * @param phase  the --phase value, or null for live
     * @param junit  the --junit value, or null
     * @throws UsageException for a phase that is neither plan nor live
     */
    public static TestOptions of(String target, String phase, String junit) {
        String name = phase == null ? "live" : phase;
        Phase p = switch (name) {
            case "plan" -> Phase.PLAN;
            case "live" -> Phase.LIVE;
            default -> throw new UsageException("--phase must be plan or live, not '" + name + "'");
        };
        return new TestOptions(Optional.ofNullable(target), p, Optional.ofNullable(junit));
    }
}
