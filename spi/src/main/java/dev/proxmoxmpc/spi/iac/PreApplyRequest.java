package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Input of {@link PreApplyCheck#check}.
 *
 * @param desired  the desired inventory
 * @param observed the inventory just read from the server
 * @param changes  the planned changes, in execution order
 * @param session  the open session /apply will use (for reads only); owned by the caller, never closed by a check
 */
@API(status = EXPERIMENTAL, since = "1.0")
public record PreApplyRequest(Inventory desired, Inventory observed, List<Change> changes, ProviderSession session) {
    public PreApplyRequest {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(observed, "observed");
        changes = List.copyOf(changes);
        Objects.requireNonNull(session, "session");
    }
}
