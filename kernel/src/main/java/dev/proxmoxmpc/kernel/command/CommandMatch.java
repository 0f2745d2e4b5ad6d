package dev.proxmoxmpc.kernel.command;

import java.util.List;
import java.util.Objects;

/**
 * A command line resolved to a command.
 *
 * @param command the command
 * @param args    the words after the command's name
 */
public record CommandMatch(RegisteredCommand command, List<String> args) {
    public CommandMatch {
        Objects.requireNonNull(command, "command");
        args = List.copyOf(args);
    }
}
