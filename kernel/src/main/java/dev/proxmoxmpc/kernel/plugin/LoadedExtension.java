package dev.proxmoxmpc.kernel.plugin;

import java.util.Objects;

/**
 * An extension instance and the plugin it came from ({@code kernel} for built-ins).
 *
 * @param pluginId the plugin id
 * @param instance the extension
 */
public record LoadedExtension(String pluginId, Object instance) {
    public LoadedExtension {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(instance, "instance");
    }
}
