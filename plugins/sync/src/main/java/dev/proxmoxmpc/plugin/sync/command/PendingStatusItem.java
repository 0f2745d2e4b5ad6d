package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.console.StatusItem;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.StateKind;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The status bar's {@code 3 pending}: how many changes /plan would list, counted from the local desired and observed
 * state as /status counts them (no network). Nothing when there are none.
 */
@Extension
public class PendingStatusItem implements StatusItem {

    @Override
    public Optional<String> text(KernelContext ctx) {
        int pending = StatusCommand.pending(ctx.state().load(StateKind.DESIRED), ctx.state().load(StateKind.OBSERVED));
        return pending == 0 ? Optional.empty() : Optional.of(pending + " pending");
    }
}
