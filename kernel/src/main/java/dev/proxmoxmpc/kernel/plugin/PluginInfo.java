package dev.proxmoxmpc.kernel.plugin;

import java.util.List;
import java.util.Objects;

/**
 * What /plugins shows about one plugin (or one plugin path that could not be loaded).
 *
 * @param id         the plugin id, or the file name when the descriptor could not be read
 * @param version    the plugin version, or {@code ""}
 * @param state      {@code started}, {@code refused}, {@code failed}, {@code built-in}
 * @param extensions the extension classes that were instantiated, sorted
 * @param path       where it was loaded from
 * @param problems   one-line problems (empty when all is well)
 */
public record PluginInfo(String id, String version, String state, List<String> extensions, String path,
                         List<String> problems) {
    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(path, "path");
        problems = List.copyOf(problems);
    }
}
