package dev.proxmoxmpc.kernel.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.state.StateException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The desired state in a portable, reviewable form: {@code .proxmox/desired-state.json}, pretty-printed with sorted
 * keys, no observed state, no runtime facts, no history. An exported project carries it instead of a state.db;
 * the first command that opens the state there creates the database and seeds its desired state from it, so a
 * pipeline that clones the repository can /plan at once.
 */
public final class PortableState {
    /** Where it lives, relative to the project root. */
    public static final String PATH = ".proxmox/desired-state.json";

    private PortableState() {}

    /** @return the file in {@code workspace} */
    public static Path file(Workspace workspace) {
        return workspace.root().resolve(PATH);
    }

    /** @return the portable text of {@code desired} (deterministic: the same state gives the same bytes) */
    public static String write(Inventory desired) {
        try {
            return InventoryJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(desired.withGuests(desired.guests().stream()
                            .map(g -> g.withRuntime(GuestRuntime.NONE)).toList())) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the desired state as JSON", e);
        }
    }

    /** Seeds the (new, empty) store's desired state from the workspace's portable file. */
    public static void seed(Workspace workspace, StateStore store, Clock clock) {
        Path file = file(workspace);
        Inventory desired;
        try {
            desired = InventoryJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new StateException(PATH + " is not a desired state proxmox-mpc wrote: " + e.getMessage());
        }
        store.save(StateKind.DESIRED, desired);
        store.appendEvent(new Event(clock.instant(), "desired-changed", "", "desired state read from " + PATH));
    }
}
