package dev.proxmoxmpc.plugin.proxmox.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import java.util.Objects;

/**
 * A guest as {@code /cluster/resources} lists it: where it is and its runtime facts (the config comes separately).
 *
 * @param qemu     true for {@code qemu}, false for {@code lxc}
 * @param vmid     the VMID
 * @param node     the node
 * @param status   {@code running}, {@code stopped}, {@code unknown}
 * @param pool     the pool or {@code ""}
 * @param lock     the lock or {@code ""}
 * @param haState  the HA state or {@code ""}
 * @param uptime   seconds
 * @param template whether it is a template
 */
public record GuestRow(boolean qemu, int vmid, String node, String status, String pool, String lock, String haState,
                       long uptime, boolean template) {
    public GuestRow {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(status, "status");
    }

    /** @return the row, or null when the entry is not a guest. */
    public static GuestRow of(JsonNode r) {
        String type = Json.string(r, "type");
        if (!type.equals("qemu") && !type.equals("lxc")) {
            return null;
        }
        return new GuestRow(type.equals("qemu"), (int) Json.longValue(r, "vmid", 0), Json.string(r, "node"),
                Json.string(r, "status"), Json.string(r, "pool"), Json.string(r, "lock"), Json.string(r, "hastate"),
                Json.longValue(r, "uptime", 0), Json.longValue(r, "template", 0) == 1);
    }

    /** @return {@code qemu} or {@code lxc}. */
    public String apiType() {
        return qemu ? "qemu" : "lxc";
    }

    /** @return {@code /nodes/{node}/{type}/{vmid}}. */
    public String path() {
        return "/nodes/" + node + "/" + apiType() + "/" + vmid;
    }
}
