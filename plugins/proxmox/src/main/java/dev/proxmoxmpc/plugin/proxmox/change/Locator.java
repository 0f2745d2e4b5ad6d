package dev.proxmoxmpc.plugin.proxmox.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.Map;
import java.util.Optional;

/** Finds where a guest is now, from {@code /cluster/resources?type=vm} (never cached: placement changes). */
final class Locator {
    private Locator() {}

    static String node(PveClient client, String vmid) {
        return row(client, vmid).map(r -> Json.string(r, "node")).orElseThrow(() ->
                new ProviderException(ProviderException.Kind.NOT_FOUND, "guest " + vmid
                        + " does not exist in the cluster; run /sync to refresh the inventory"));
    }

    static String pool(PveClient client, String vmid) {
        return row(client, vmid).map(r -> Json.string(r, "pool")).orElse("");
    }

    private static Optional<JsonNode> row(PveClient client, String vmid) {
        for (JsonNode r : client.get("/cluster/resources", Map.of("type", "vm"))) {
            if (Json.text(r.get("vmid")).equals(vmid)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
