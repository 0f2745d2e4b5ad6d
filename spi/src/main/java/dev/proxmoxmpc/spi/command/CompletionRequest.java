package dev.proxmoxmpc.spi.command;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Tab is completing.
 *
 * @param command     the command's name ({@code update vm})
 * @param target      the option whose value is typed ({@code --node}), or the positional's label ({@code <vmid|name>})
 * @param partial     the part of the value typed so far ({@code ""} after a space; after the last comma for a list)
 * @param positionals the positionals typed before it, in order
 * @param options     the options typed before it with their last value ({@code --node → pve2}; {@code ""} for a flag)
 */
public record CompletionRequest(String command, String target, String partial, List<String> positionals,
                                Map<String, String> options) {
    public CompletionRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(partial, "partial");
        positionals = List.copyOf(positionals);
        options = Map.copyOf(options);
    }

    /** @return the value typed for {@code option} before the word being completed. */
    public Optional<String> option(String option) {
        return Optional.ofNullable(options.get(option));
    }

    /** @return positional {@code i}, when typed. */
    public Optional<String> positional(int i) {
        return i < positionals.size() ? Optional.of(positionals.get(i)) : Optional.empty();
    }
}
