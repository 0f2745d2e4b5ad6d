package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.command.RegisteredCommand;
import java.util.List;
import java.util.Objects;

/**
 * What /help knows about a command; the {@code --json} shape of /help.
 *
 * @param plugin   the plugin that contributes it ({@code kernel} for built-ins)
 * @param name     its name ({@code list vms})
 * @param aliases  other names
 * @param summary  one line
 * @param usage    the synopsis
 * @param examples example lines
 * @param needsProject whether it needs a project directory
 */
public record CommandDoc(String plugin, String name, List<String> aliases, String summary, String usage,
                         List<String> examples, boolean needsProject) {
    public CommandDoc {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(usage, "usage");
        examples = List.copyOf(examples);
    }

    /** Reads a command's declaration; a method that throws gives an empty value (a broken plugin must not break /help). */
    static CommandDoc of(RegisteredCommand rc) {
        var d = rc.declaration();
        return new CommandDoc(rc.pluginId(), rc.name(), safe(d::aliases, List.of()), safe(d::summary, ""),
                safe(d::usage, rc.name()), safe(d::examples, List.of()), safe(d::requiresProject, false));
    }

    private static <T> T safe(java.util.function.Supplier<T> value, T dflt) {
        try {
            T v = value.get();
            return v == null ? dflt : v;
        } catch (RuntimeException | LinkageError e) {
            return dflt;
        }
    }
}
