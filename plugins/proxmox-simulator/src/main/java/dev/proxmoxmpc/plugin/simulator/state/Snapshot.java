package dev.proxmoxmpc.plugin.simulator.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** A guest snapshot: its name, description, time, whether RAM was saved, parent, and the config it froze. */
public record Snapshot(String name, String description, long snaptime, boolean vmstate, String parent,
                       Map<String, String> config) {
    public Snapshot {
        config = new LinkedHashMap<>(config);
    }
}
