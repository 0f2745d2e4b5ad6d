package dev.proxmoxmpc.plugin.simulator.state;

import java.util.Map;
import java.util.TreeMap;

/**
 * A section of {@code /etc/pve/ha/resources.cfg} ({@code vm: 101}, {@code ct: 200}): its options as the file holds
 * them, and what the HA manager keeps about it in {@code manager_status}: the service state {@code hastate} shows.
 */
public final class HaResource {
    /** {@code vm} or {@code ct}. */
    public final String type;
    public final int vmid;
    /** {@code state}, {@code comment}, {@code group}, {@code max_restart}, ... exactly as written. */
    public final Map<String, String> options = new TreeMap<>();
    /**
     * The CRM's service state ({@code started}, {@code request_stop}, {@code stopped}, {@code error}), or
     * {@code null} while the service is not in the manager status ({@code ignored}).
     */
    public String crmState;
    /** The timeout of the stop the CRM was last asked for ({@code 0}: hard stop), {@code null} for a default shutdown. */
    public Integer stopTimeout;
    /** Whether the local resource manager is working on the guest (a start or stop task runs). */
    public boolean lrmBusy;

    public HaResource(String type, int vmid) {
        if (!type.equals("vm") && !type.equals("ct")) {
            throw new IllegalArgumentException("HA resource type must be vm or ct, got " + type);
        }
        this.type = type;
        this.vmid = vmid;
    }

    /** @return {@code vm:101} or {@code ct:200}. */
    public String sid() {
        return type + ":" + vmid;
    }

    /** @return the requested state as the CRM reads it: {@code started} when unset, {@code enabled} taken as {@code started}. */
    public String requestedState() {
        String s = options.getOrDefault("state", "started");
        return s.equals("enabled") ? "started" : s;
    }

    /** @return whether PVE hands the guest's power calls to the HA stack (every requested state but {@code ignored}). */
    public boolean managed() {
        return !requestedState().equals("ignored");
    }

    /** @return {@code hastate} of {@code /cluster/resources}: the CRM's state, else the configured one, else {@code null}. */
    public String hastate() {
        return crmState != null ? crmState : options.get("state");
    }
}
