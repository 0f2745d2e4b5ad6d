package dev.proxmoxmpc.plugin.simulator;

import org.pf4j.Plugin;

/**
 * The plugin's life cycle: when the kernel stops its plugins (the console or batch run ends), a simulator that
 * {@code demo} started in this process stops with them.
 */
public final class SimulatorPlugin extends Plugin {

    @Override
    public void stop() {
        DemoServers.stopAll();
    }
}
