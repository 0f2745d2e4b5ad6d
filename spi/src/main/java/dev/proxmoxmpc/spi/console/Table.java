package dev.proxmoxmpc.spi.console;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Rows for a person to read; the console aligns and colours them. For {@code --json}, print the result
 * record with {@link Console#json(Object)} instead.
 *
 * @param headers column titles
 * @param rows    cells, each row as long as {@code headers}
 */
@API(status = STABLE, since = "1.0")
public record Table(List<String> headers, List<List<String>> rows) {
    public Table {
        headers = List.copyOf(headers);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, table has " + headers.size() + " columns");
            }
            r.forEach(c -> Objects.requireNonNull(c, "cell"));
            copy.add(List.copyOf(r));
        }
        rows = List.copyOf(copy);
    }
}
