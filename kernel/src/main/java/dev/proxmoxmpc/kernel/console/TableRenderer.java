package dev.proxmoxmpc.kernel.console;

import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.console.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Renders a {@link Table} as aligned columns (two spaces apart), bold headers, no trailing spaces; with colour,
 * well-known status words are coloured ({@code running} green, {@code stopped} yellow, {@code failed} red).
 */
final class TableRenderer {
    private static final Set<String> GOOD = Set.of("running", "online", "ok", "started", "active", "yes", "created",
            "updated", "done", "in sync");
    private static final Set<String> WARN = Set.of("stopped", "paused", "pending", "drift", "changed", "refused",
            "missing", "modified");
    private static final Set<String> BAD = Set.of("failed", "error", "offline", "unknown", "conflict", "deleted");

    private TableRenderer() {}

    static List<String> render(Table table, Styles styles) {
        int cols = table.headers().size();
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            width[c] = table.headers().get(c).length();
            for (List<String> row : table.rows()) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(table.headers(), width, styles, true));
        for (List<String> row : table.rows()) {
            lines.add(line(row, width, styles, false));
        }
        return lines;
    }

    private static String styled(String cell, Styles styles) {
        String key = cell.strip().toLowerCase(Locale.ROOT);
        if (GOOD.contains(key)) {
            return styles.apply(Style.GREEN, cell);
        }
        if (WARN.contains(key)) {
            return styles.apply(Style.YELLOW, cell);
        }
        return BAD.contains(key) ? styles.apply(Style.RED, cell) : cell;
    }

    private static String line(List<String> cells, int[] width, Styles styles, boolean header) {
        StringBuilder sb = new StringBuilder();
        int last = cells.size() - 1;
        for (int c = 0; c <= last; c++) {
            String cell = cells.get(c);
            sb.append(header ? styles.apply(Style.BOLD, cell) : styled(cell, styles));
            if (c < last) {
                sb.append(" ".repeat(width[c] - cell.length() + 2));
            }
        }
        return sb.toString().stripTrailing();
    }
}
