package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.guest.GuestAgent;
import dev.proxmoxmpc.plugin.simulator.guest.InterfaceViews;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.Map;

/**
 * The addresses inside guests: {@code GET .../qemu/{vmid}/agent/network-get-interfaces} (the guest agent's answer
 * as {@code {result: [...]}}, or qemu-server's 500 when the agent is not configured, the VM is not running or the
 * agent does not answer) and {@code GET .../lxc/{vmid}/interfaces} ({@code null} unless the container runs on that
 * node: pve-container returns nothing when it finds no container process, and reads no config).
 */
public final class AgentApi {
    private final Cluster cluster;

    public AgentApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces", this::agentInterfaces);
        r.get("/nodes/{node}/lxc/{vmid}/interfaces", this::containerInterfaces);
    }

    private Object agentInterfaces(ApiRequest req) {
        Guest g = cluster.guest("qemu", req.node(), req.vmid());
        GuestAgent.requireAvailable(g);
        return Map.of("result", InterfaceViews.agent(cluster, g));
    }

    private Object containerInterfaces(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        Guest g = cluster.guests.get(req.vmid());
        if (g == null || g.qemu() || !g.node.equals(node) || !g.running()) {
            return null;
        }
        return InterfaceViews.container(cluster, g);
    }
}
