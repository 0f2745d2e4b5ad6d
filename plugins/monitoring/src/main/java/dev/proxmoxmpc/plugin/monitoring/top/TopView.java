package dev.proxmoxmpc.plugin.monitoring.top;

import dev.proxmoxmpc.plugin.monitoring.settings.Units;
import dev.proxmoxmpc.spi.console.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link TopSnapshot}: two tables for a snapshot, or the lines of the full-screen view. */
final class TopView {
    private static final List<String> NODE_HEADERS = List.of("NODE", "STATUS", "CPU", "MEM", "NET IN", "NET OUT",
            "DISK READ", "DISK WRITE", "GUESTS");
    private static final List<String> GUEST_HEADERS = List.of("VMID", "NAME", "TYPE", "NODE", "STATUS", "CPU", "MEM",
            "NET IN", "NET OUT", "DISK READ", "DISK WRITE");

    private TopView() {
    }

    static Table nodes(TopSnapshot s) {
        List<List<String>> rows = new ArrayList<>();
        for (TopSnapshot.NodeLine n : s.nodes()) {
            rows.add(List.of(n.node(), n.status(), Units.percent(n.cpu()) + " of " + n.maxcpu(),
                    Units.bytes(n.mem()) + "/" + Units.bytes(n.maxmem()), Units.rate(n.netin()), Units.rate(n.netout()),
                    Units.rate(n.diskread()), Units.rate(n.diskwrite()), Integer.toString(n.guests())));
        }
        return new Table(NODE_HEADERS, rows);
    }

    static Table guests(TopSnapshot s) {
        List<List<String>> rows = new ArrayList<>();
        for (TopSnapshot.GuestLine g : s.guests()) {
            rows.add(List.of(Integer.toString(g.vmid()), g.name(), g.type(), g.node(), g.status(),
                    Units.percent(g.cpu()) + " of " + g.cpus(), Units.bytes(g.mem()) + "/" + Units.bytes(g.maxmem()),
                    Units.rate(g.netin()), Units.rate(g.netout()), Units.rate(g.diskread()), Units.rate(g.diskwrite())));
        }
        return new Table(GUEST_HEADERS, rows);
    }

    /** @return the full screen: a title, the node table, the guest table (as many rows as fit), the keys. */
    static List<String> screen(TopSnapshot s, String title, int height) {
        List<String> lines = new ArrayList<>();
        lines.add(title + String.format(Locale.ROOT, "  (every %.0fs, sorted by %s)", s.intervalSeconds(), s.sort()));
        lines.add("");
        lines.addAll(align(nodes(s)));
        lines.add("");
        List<String> guests = align(guests(s));
        int room = Math.max(2, height - lines.size() - 2);
        lines.addAll(guests.subList(0, Math.min(room, guests.size())));
        while (lines.size() < height - 1) {
            lines.add("");
        }
        lines.add("q quit  s sort by " + s.sort() + " -> next  c cpu  m mem  i io  n net");
        return lines;
    }

    /** @return the table as left-aligned text lines, a header line first */
    static List<String> align(Table t) {
        int[] width = new int[t.headers().size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = t.headers().get(i).length();
            for (List<String> r : t.rows()) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        List<String> out = new ArrayList<>();
        out.add(line(t.headers(), width));
        t.rows().forEach(r -> out.add(line(r, width)));
        return out;
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            b.append(String.format(Locale.ROOT, "%-" + width[i] + "s", cells.get(i)));
            if (i < cells.size() - 1) {
                b.append("  ");
            }
        }
        return b.toString().stripTrailing();
    }
}
