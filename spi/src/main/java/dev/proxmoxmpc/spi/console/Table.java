package dev.proxmoxmpc.spi.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows for a person to read; the console aligns and colours them. For {@code --json}, print the result
 * record with {@link Console#json(Object)} instead.
 *
 * @param headers column titles
 * @param rows    cells, each row as long as {@code headers}
 */
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
