package dev.proxmoxmpc.plugin.simulator;

import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.util.ArrayList;
import java.util.List;

/** The simulators {@code demo} started in this process; they run until the plugin stops (or the next demo). */
public final class DemoServers {
    private static final List<SimulatorServer> RUNNING = new ArrayList<>();

    private DemoServers() {}

    public static synchronized void add(SimulatorServer server) {
        RUNNING.add(server);
    }

    /** Stops every demo simulator of this process. Thread-safe; idempotent. */
    public static synchronized void stopAll() {
        for (SimulatorServer s : RUNNING) {
            s.close();
        }
        RUNNING.clear();
    }

    public static synchronized int running() {
        return RUNNING.size();
    }
}
