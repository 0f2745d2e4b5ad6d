package dev.proxmoxmpc.plugin.docs.facts;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Comparator;

/**
 * A guest's place in the boot sequence, from its {@code startup} option ({@code order=1,up=30,down=60}). PVE starts
 * the guests that start at boot by ascending {@code order}, those without one after them by VMID, and stops them in
 * the reverse order.
 *
 * @param order the {@code order} value, or {@code -1} when unset
 * @param up    seconds to wait after starting it, or {@code -1} when unset
 * @param down  seconds to wait for its shutdown, or {@code -1} when unset
 */
public record StartOrder(int order, int up, int down) {
    /** No startup option. */
    public static final StartOrder NONE = new StartOrder(-1, -1, -1);

    /** Start order: guests with an order first (ascending), then the others; ties by VMID. */
    public static final Comparator<GuestFacts> BOOT = Comparator
            .comparingInt((GuestFacts g) -> g.startOrder().order() < 0 ? Integer.MAX_VALUE : g.startOrder().order())
            .thenComparingInt(GuestFacts::vmid);

    /** @return the guest's start order; values that are not whole numbers count as unset. */
    public static StartOrder of(Guest g) {
        String v = g.value("startup").trim();
        if (v.isEmpty()) {
            return NONE;
        }
        PropertyString p = PropertyString.parse(v);
        return new StartOrder(number(p.getOrEmpty("order")), number(p.getOrEmpty("up")), number(p.getOrEmpty("down")));
    }

    private static int number(String v) {
        try {
            return v.isBlank() ? -1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean ordered() {
        return order >= 0;
    }

    /** @return {@code order=1, up=30s} for documentation, {@code any} when unset. */
    public String text() {
        if (!ordered() && up < 0 && down < 0) {
            return "any";
        }
        StringBuilder sb = new StringBuilder(ordered() ? "order=" + order : "any");
        if (up >= 0) {
            sb.append(", up=").append(up).append('s');
        }
        if (down >= 0) {
            sb.append(", down=").append(down).append('s');
        }
        return sb.toString();
    }
}
