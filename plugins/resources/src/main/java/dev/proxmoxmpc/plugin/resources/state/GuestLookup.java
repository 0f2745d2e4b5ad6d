package dev.proxmoxmpc.plugin.resources.state;

import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.state.GuestQuery;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.util.List;
import java.util.Optional;

/**
 * Finds one guest by VMID or name the way {@link Known#resolve} does, through the store's indexed reads instead of
 * loading every guest: a VMID first, then an exact name.
 */
public final class GuestLookup {
    private GuestLookup() {}

    /** What a lookup found. */
    public sealed interface Found {}

    /** @param guest the one guest with that VMID or name */
    public record One(Guest guest) implements Found {}

    /** No guest of the kind has that VMID or name. */
    public record None() implements Found {}

    /** Several guests share the name: {@link Known#resolve} says which (it needs them all for its message). */
    public record Several() implements Found {}

    /** @return the guest of {@code kind} in {@code inventory} with VMID or name {@code idOrName} */
    public static Found find(StateStore state, StateKind inventory, GuestKind kind, String idOrName) {
        if (idOrName.matches("\\d{1,9}")) {
            Optional<Guest> byId = state.guest(inventory, Integer.parseInt(idOrName)).filter(g -> g.kind() == kind);
            if (byId.isPresent()) {
                return new One(byId.get());
            }
        }
        List<Guest> named = state.guests(inventory, GuestQuery.all().kind(kind).name(idOrName).page(0, 2));
        return switch (named.size()) {
            case 0 -> new None();
            case 1 -> new One(named.get(0));
            default -> new Several();
        };
    }
}
