package dev.proxmoxmpc.spi.command;

import java.util.Iterator;
import java.util.List;

/**
 * Fixed Tab candidates for an option or positional: {@code static final class Policies extends FixedCandidates {
 * Policies() { super("prefer-server", "prefer-local", "ask"); } }}, named in {@code completionCandidates}.
 */
public abstract class FixedCandidates implements Iterable<String> {
    private final List<String> values;

    protected FixedCandidates(String... values) {
        this.values = List.of(values);
    }

    @Override
    public Iterator<String> iterator() {
        return values.iterator();
    }
}
