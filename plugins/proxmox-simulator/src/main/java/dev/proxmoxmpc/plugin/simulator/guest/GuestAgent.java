package dev.proxmoxmpc.plugin.simulator.guest;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.schema.PropertyStringFormat;
import dev.proxmoxmpc.plugin.simulator.state.Guest;

/**
 * The QEMU guest agent as qemu-server sees it: configured when the VM has an {@code agent} key (whatever its value),
 * enabled by the key's {@code enabled} flag (QEMU then gets the agent's channel), answering when it is enabled, the
 * VM runs and the agent inside answers a ping.
 */
public final class GuestAgent {
    private GuestAgent() {
    }

    /** @return whether {@code agent} enables the agent ({@code 1}, {@code enabled=1}, {@code 1,fstrim_cloned_disks=1}). */
    public static boolean enabled(Guest g) {
        String value = g.config.get("agent");
        if (value == null) {
            return false;
        }
        try {
            PropertyStringFormat f = PropertyStringFormat.of(GuestSchema.key("qemu", "agent").orElseThrow().get("format"));
            return "1".equals(f.parse(value).get("enabled"));
        } catch (PropertyStringFormat.FormatException e) {
            return false;
        }
    }

    /**
     * Checks in qemu-server's order: the key, the VM running, the agent answering.
     *
     * @throws ApiException 500 {@code No QEMU guest agent configured}, {@code VM 100 is not running} or
     *                      {@code QEMU guest agent is not running}
     */
    public static void requireAvailable(Guest g) {
        if (!g.config.containsKey("agent")) {
            throw ApiException.failed("No QEMU guest agent configured");
        }
        if (!g.running()) {
            throw ApiException.failed("VM " + g.vmid + " is not running");
        }
        if (!enabled(g) || !g.agentAnswers) {
            throw ApiException.failed("QEMU guest agent is not running");
        }
    }
}
