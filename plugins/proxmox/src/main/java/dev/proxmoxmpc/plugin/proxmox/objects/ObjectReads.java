package dev.proxmoxmpc.plugin.proxmox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import java.util.List;

/**
 * What a family's reads may use.
 *
 * @param client      the API client ({@link #get})
 * @param onlineNodes the nodes listed online
 * @param guests      every guest on an online node
 * @param version     the PVE version ({@code 9.2.4}), {@code ""} when unknown
 * @param beforeRequest run before each GET (discovery counts requests for its progress)
 */
public record ObjectReads(PveClient client, List<String> onlineNodes, List<Guest> guests, String version,
                          Runnable beforeRequest) {
    /** A guest as {@code /cluster/resources} lists it. */
    public record Guest(String node, int vmid, boolean qemu) {
        /** @return {@code /nodes/pve1/qemu/101} */
        public String path() {
            return "/nodes/" + node + "/" + (qemu ? "qemu" : "lxc") + "/" + vmid;
        }

        /** @return the object scope {@code vm/101} or {@code ct/101} */
        public String scope() {
            return (qemu ? "vm/" : "ct/") + vmid;
        }
    }

    public ObjectReads {
        onlineNodes = List.copyOf(onlineNodes);
        guests = List.copyOf(guests);
    }

    /** @return the {@code data} of a GET; throws the client's {@link dev.proxmoxmpc.spi.provider.ProviderException} */
    public JsonNode get(String path) {
        beforeRequest.run();
        return client.get(path);
    }

    /** @return the major version (8, 9), or 0 when unknown */
    public int major() {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
