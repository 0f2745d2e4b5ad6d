package dev.proxmoxmpc.plugin.testing.command;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code /validate [--json] [--sarif FILE]}, parsed in one place.
 *
 * @param json  print only the JSON document
 * @param sarif where to write SARIF 2.1.0, if asked
 */
public record ValidateOptions(boolean json, Optional<String> sarif) {
    /** @throws UsageException for a wrong command line */
    public static ValidateOptions parse(List<String> words) {
        Args args = Args.parse(words, Set.of("--sarif"), Set.of("--json"));
        if (!args.positionals().isEmpty()) {
            throw new UsageException("validate takes no arguments, got '" + String.join(" ", args.positionals()) + "'");
        }
        return new ValidateOptions(args.flag("--json"), args.value("--sarif"));
    }
}
