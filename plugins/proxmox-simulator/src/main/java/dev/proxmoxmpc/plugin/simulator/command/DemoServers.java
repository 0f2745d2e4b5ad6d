package dev.proxmoxmpc.plugin.simulator.command;

import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.util.ArrayList;
import java.util.List;

/** The simulators {@code demo} started in this process; they run until the plugin stops (or the next demo). */
public final class DemoServers {
    private static final List<SimulatorServer> RUNNING = new ArrayList<>();

    private DemoServers() {}

    static synchronized void add(SimulatorServer server) {
        RUNNING.add(server);
    }

    /** Stops every demo simulator of this process. Thread-safe; idempotent. */
    public static synchronized void stopAll() {
        for (SimulatorServer s : RUNNING) {
            s.close();
        }
        RUNNING.clear();
    }

    static synchronized int running() {
        return RUNNING.size();
    }
}
