package dev.proxmoxmpc.plugin.docs.command;

import dev.proxmoxmpc.spi.command.Args;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code /docs}, parsed from the command words (pure; kept apart so the parsing can move to a
 * declarative command model without touching the work).
 *
 * @param open whether to open docs/architecture.md in the desktop's viewer afterwards
 * @param json whether to print the result as JSON
 */
public record DocsArgs(boolean open, boolean json) {
    static final Set<String> VALUE_FLAGS = Set.of();
    static final Set<String> BOOLEAN_FLAGS = Set.of("--open", "--json");

    /** @throws dev.proxmoxmpc.spi.command.UsageException for an unknown option or a stray word */
    public static DocsArgs parse(List<String> words) {
        Args args = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        if (!args.positionals().isEmpty()) {
            throw new dev.proxmoxmpc.spi.command.UsageException("/docs takes no arguments, got '" + args.positionals().get(0)
                    + "'; usage: docs [--open] [--json]");
        }
        return new DocsArgs(args.flag("--open"), args.flag("--json"));
    }
}
