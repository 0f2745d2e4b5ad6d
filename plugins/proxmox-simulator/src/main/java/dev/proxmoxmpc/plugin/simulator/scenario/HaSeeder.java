package dev.proxmoxmpc.plugin.simulator.scenario;

import dev.proxmoxmpc.plugin.simulator.ha.HaConfig;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.HaResource;
import java.util.Map;

/**
 * A scenario guest's HA resource ({@code ha: {state: started, comment: ...}}), checked against the schema and
 * settled: a scenario describes a cluster at rest, so the guest must already be in the requested state.
 */
final class HaSeeder {
    private HaSeeder() {
    }

    /** @throws IllegalArgumentException naming the guest and the option or state that is wrong */
    static void seed(Cluster c, Guest g, Map<String, String> options, String where) {
        HaResource r = new HaResource(g.qemu() ? "vm" : "ct", g.vmid);
        options.forEach((k, v) -> {
            String err = HaConfig.check(k, String.valueOf(v));
            if (err != null) {
                throw new IllegalArgumentException(where + ": ha " + k + ": " + err.replace("\n", " "));
            }
            r.options.put(k, String.valueOf(v));
        });
        String wanted = r.requestedState();
        if (r.managed()) {
            boolean run = wanted.equals("started");
            if (run != g.running()) {
                throw new IllegalArgumentException(where + ": HA state '" + wanted + "' needs status " + (run ? "running" : "stopped"));
            }
            r.crmState = run ? "started" : "stopped";
        }
        c.haResources.put(r.sid(), r);
    }
}
