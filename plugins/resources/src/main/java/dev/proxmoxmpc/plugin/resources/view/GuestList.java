package dev.proxmoxmpc.plugin.resources.view;

import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Table;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@code list vms|containers}.
 *
 * @param kind      {@code vm} or {@code container}
 * @param freshness how old the server's picture is, one line
 * @param lastSync  the last sync time (ISO-8601) or {@code ""}
 * @param guests    the rows, by VMID
 * @param hint      why nothing matched when a filter names what does not exist ({@code there is no node 'pve9'
 *                  (nodes: pve1, pve2)}), or {@code ""}
 */
public record GuestList(String kind, String freshness, String lastSync, List<GuestRow> guests, String hint) {
    public GuestList {
        guests = List.copyOf(guests);
        Objects.requireNonNull(hint, "hint");
    }

    public GuestList(String kind, String freshness, String lastSync, List<GuestRow> guests) {
        this(kind, freshness, lastSync, guests, "");
    }

    public void render(Console out, boolean json) {
        if (json) {
            out.json(this);
            return;
        }
        if (guests.isEmpty()) {
            out.info("No " + kind + "s match" + (hint.isEmpty() ? "." : ": " + hint + "."));
        } else {
            out.table(new Table(GuestRow.HEADERS, guests.stream().map(GuestRow::cells).toList()));
        }
        long pending = guests.stream().filter(g -> !g.pending().isEmpty()).count();
        long templates = guests.stream().filter(g -> g.status().equals("template")).count();
        // /status counts templates apart ("VMs: 12", "Templates: 2"): say how many of these rows are templates
        out.info(guests.size() + " " + kind + (guests.size() == 1 ? "" : "s")
                + (templates > 0 ? " (" + templates + " of them template" + (templates == 1 ? "" : "s") + ")" : "")
                + (pending > 0 ? ", " + pending
                + " with pending changes (/plan shows them)" : "") + "; " + freshness);
    }
}
