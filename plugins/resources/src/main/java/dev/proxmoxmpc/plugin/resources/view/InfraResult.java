package dev.proxmoxmpc.plugin.resources.view;

import java.util.List;
import java.util.Map;

/**
 * What {@code create network} / {@code create storage} added to the desired state.
 *
 * @param kind    {@code network} or {@code storage}
 * @param id      {@code pve1/vmbr1} or the storage id
 * @param type    the interface or storage type
 * @param config  its settings as PVE takes them
 * @param written the files regenerated
 */
public record InfraResult(String kind, String id, String type, Map<String, String> config, List<String> written) {
    public InfraResult {
        config = Map.copyOf(config);
        written = List.copyOf(written);
    }

    public void render(dev.proxmoxmpc.spi.console.Console out, boolean json) {
        if (json) {
            out.json(this);
            return;
        }
        out.success("Desired: new " + kind + " " + id + " (" + type + ")");
        new java.util.TreeMap<>(config).forEach((k, v) -> out.println("    + " + k + " = " + v));
        if (!written.isEmpty()) {
            out.info("  files: " + String.join(", ", written));
        }
        out.info("  next: /plan to review, /apply to make it so on the server");
    }
}
