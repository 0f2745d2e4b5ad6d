package dev.proxmoxmpc.plugin.sync.merge;

import java.util.Objects;

/**
 * A field both sides changed differently since the base, and how it was settled.
 *
 * @param resource   {@code vm/101 web-01}
 * @param field      the field, or {@link #EXISTENCE} when one side deleted what the other changed
 * @param base       the base value ({@code ""} when absent)
 * @param local      the local (desired) value
 * @param server     the server (observed) value
 * @param resolution the side that won
 */
public record Conflict(String resource, String field, String base, String local, String server, Side resolution) {
    /** The pseudo-field of a delete/modify conflict; values are {@code present}/{@code deleted}. */
    public static final String EXISTENCE = "(exists)";

    public Conflict {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** @return the same conflict settled for {@code side}. */
    public Conflict resolvedAs(Side side) {
        return new Conflict(resource, field, base, local, server, side);
    }

    /** @return {@code vm/101 web-01 memory: local 8192, server 6144 (base 4096) -> kept server}. */
    public String describe() {
        return resource + " " + field + ": local " + show(local) + ", server " + show(server) + " (base " + show(base)
                + ") -> kept " + resolution.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String show(String v) {
        return v.isEmpty() ? "(none)" : v;
    }
}
