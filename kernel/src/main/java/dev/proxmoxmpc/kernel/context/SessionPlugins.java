package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.plugin.ExtensionCatalog;
import dev.proxmoxmpc.kernel.plugin.PluginHost;
import dev.proxmoxmpc.spi.SpiVersion;
import dev.proxmoxmpc.spi.console.Console;

/**
 * The plugin lifecycle of one session: plugins are loaded on first use (their problems reported once, as warnings),
 * may be handed over to the session that follows, and are closed with the session that holds them. Thread-safe.
 */
final class SessionPlugins {
    private final KernelSettings settings;
    private final Console console;
    private PluginHost host;
    private ExtensionCatalog catalog;

    /** @param loaded plugins handed over by an earlier session (their problems were reported there), or null */
    SessionPlugins(KernelSettings settings, Console console, KernelSession.LoadedPlugins loaded) {
        this.settings = settings;
        this.console = console;
        if (loaded != null) {
            this.host = loaded.host();
            this.catalog = loaded.catalog();
        }
    }

    /** @return every extension, loading the plugins on first use. */
    synchronized ExtensionCatalog catalog() {
        if (catalog == null) {
            host = PluginHost.load(settings.pluginRoots(), SpiVersion.current());
            catalog = ExtensionCatalog.of(settings.embedded(), host);
            catalog.problems().forEach(console::warn);
        }
        return catalog;
    }

    /** @return the loaded plugins (loading them first). */
    synchronized PluginHost host() {
        catalog();
        return host;
    }

    /** @return the plugins if loaded already, else null (never loads them). */
    synchronized PluginHost loadedOrNull() {
        return host;
    }

    /** Gives the plugins (loading them first) to the next session; this one no longer closes them. */
    synchronized KernelSession.LoadedPlugins handOver() {
        ExtensionCatalog c = catalog();
        KernelSession.LoadedPlugins loaded = new KernelSession.LoadedPlugins(host, c);
        host = null;
        catalog = null;
        return loaded;
    }

    synchronized void close() {
        if (host != null) {
            host.close();
        }
    }
}
