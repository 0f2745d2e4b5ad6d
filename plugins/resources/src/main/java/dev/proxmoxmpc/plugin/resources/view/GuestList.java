package dev.proxmoxmpc.plugin.resources.view;

import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import java.util.List;

/**
 * The result of {@code list vms|containers}.
 *
 * @param kind      {@code vm} or {@code container}
 * @param freshness how old the server's picture is, one line
 * @param lastSync  the last sync time (ISO-8601) or {@code ""}
 * @param guests    the rows, by VMID
 */
public record GuestList(String kind, String freshness, String lastSync, List<GuestRow> guests) {
    public GuestList {
        guests = List.copyOf(guests);
    }

    public void render(Console out, boolean json) {
        if (json) {
            out.json(this);
            return;
        }
        if (guests.isEmpty()) {
            out.info("No " + kind + "s match.");
        } else {
            out.table(new Table(GuestRow.HEADERS, guests.stream().map(GuestRow::cells).toList()));
        }
        long pending = guests.stream().filter(g -> !g.pending().isEmpty()).count();
        out.info(guests.size() + " " + kind + (guests.size() == 1 ? "" : "s") + (pending > 0 ? ", " + pending
                + " with pending changes (/plan shows them)" : "") + "; " + freshness);
    }
}
