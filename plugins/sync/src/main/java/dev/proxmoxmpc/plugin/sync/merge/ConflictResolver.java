package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.spi.console.Console;

/** Decides each conflict; called once per conflicting field, on the console thread. */
@FunctionalInterface
public interface ConflictResolver {

    /** @return the side that wins {@code conflict} (its resolution is a placeholder). */
    Side resolve(Conflict conflict);

    /** Always the same side. */
    static ConflictResolver always(Side side) {
        return c -> side;
    }

    /**
     * The resolver for a policy: {@code ask} asks per field when a person is at the console; in batch mode it
     * falls back to prefer-server (the caller warns).
     */
    static ConflictResolver forPolicy(ConflictPolicy policy, Console console) {
        return switch (policy) {
            case PREFER_SERVER -> always(Side.SERVER);
            case PREFER_LOCAL -> always(Side.LOCAL);
            case ASK -> console.interactive() ? new AskingResolver(console) : always(Side.SERVER);
        };
    }
}
