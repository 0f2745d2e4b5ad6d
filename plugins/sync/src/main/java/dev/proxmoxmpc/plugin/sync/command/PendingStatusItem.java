package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.local.LocalPending;
import dev.proxmoxmpc.spi.console.StatusItem;
import dev.proxmoxmpc.spi.kernel.KernelContext;
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
        int pending = LocalPending.count(ctx.state());
        return pending == 0 ? Optional.empty() : Optional.of(pending + " pending");
    }
}
