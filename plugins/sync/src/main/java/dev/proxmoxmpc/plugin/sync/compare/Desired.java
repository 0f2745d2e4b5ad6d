package dev.proxmoxmpc.plugin.sync.compare;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;

/** Turns observed state into desired state: the same config, no runtime facts, power state RUNNING or STOPPED. */
public final class Desired {
    private Desired() {}

    /** @return the server's inventory as desired state, exactly (the first /sync imports this). */
    public static Inventory fromObserved(Inventory observed) {
        List<Guest> guests = observed.guests().stream().map(Desired::fromObserved).toList();
        return observed.withGuests(guests);
    }

    public static Guest fromObserved(Guest g) {
        return g.withRuntime(GuestRuntime.NONE).withStatus(Fields.desiredState(g));
    }
}
