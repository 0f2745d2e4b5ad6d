package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Iterator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Fixed Tab candidates for an option or positional: {@code static final class Policies extends FixedCandidates {
 * Policies() { super("prefer-server", "prefer-local", "ask"); } }}, named in {@code completionCandidates}.
 */
@API(status = EXPERIMENTAL, since = "1.0")
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
