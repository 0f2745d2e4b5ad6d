package dev.proxmoxmpc.plugin.sync.merge;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How /sync settles a field both sides changed differently. */
public enum ConflictPolicy {
    PREFER_SERVER("prefer-server"), PREFER_LOCAL("prefer-local"), ASK("ask");

    private final String word;

    ConflictPolicy(String word) {
        this.word = word;
    }

    /** @return the config and flag word ({@code prefer-server}). */
    public String word() {
        return word;
    }

    /** @throws UsageException naming the valid words for anything else */
    public static ConflictPolicy parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ConflictPolicy p : values()) {
            if (p.word.equals(t)) {
                return p;
            }
        }
        throw new UsageException("unknown conflict policy '" + text + "'; use one of "
                + Arrays.stream(values()).map(ConflictPolicy::word).collect(Collectors.joining(", ")));
    }
}
