package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.plugin.PluginHost;
import dev.proxmoxmpc.spi.console.StatusItem;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.time.Duration;

/**
 * The session's status text: the one line at the console's start and the status bar before every prompt (the
 * kernel's own items, then the plugins' {@link StatusItem}s, computed in the background by {@link StatusItems}).
 * Both read local state only and never throw.
 */
final class SessionStatus implements AutoCloseable {
    /** The plugins' status bar items: the prompt waits this long for them at most. */
    private final StatusItems items = new StatusItems(Duration.ofMillis(150));

    /**
     * @param plugins the loaded plugins, or null when none were loaded yet
     * @return project, current environment, number of plugins
     */
    String line(KernelContext ctx, PluginHost plugins) {
        StringBuilder sb = new StringBuilder("proxmox-mpc");
        Workspace ws = ctx.workspace();
        if (ws.initialised()) {
            sb.append(" | project ").append(ws.root().getFileName());
            try {
                sb.append(" | environment ").append(ctx.config().currentEnvironment());
            } catch (RuntimeException e) {
                sb.append(" | config: ").append(e.getMessage());
            }
        } else {
            sb.append(" | no project here (/init)");
        }
        if (plugins != null) {
            sb.append(" | ").append(plugins.plugins().size()).append(" plugins");
        }
        return sb.toString();
    }

    /** @return project, environment, last sync, drift and the plugins' items (a project that cannot be opened says why). */
    String bar(KernelContext ctx) {
        Workspace ws = ctx.workspace();
        if (!ws.initialised()) {
            return StatusBar.noProject().text(ctx.clock().instant());
        }
        String name = String.valueOf(ws.root().getFileName());
        String bar;
        try {
            bar = new StatusBar(name, ctx.config().currentEnvironment(), ctx.state().lastSyncRun())
                    .text(ctx.clock().instant());
        } catch (RuntimeException e) {
            return "proxmox-mpc | " + name + " | " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return bar + items.text(() -> StatusBar.items(ctx.extensions(StatusItem.class), ctx));
    }

    /** Forgets the plugins' items of the previous project. */
    void reset() {
        items.reset();
    }

    @Override
    public void close() {
        items.close();
    }
}
