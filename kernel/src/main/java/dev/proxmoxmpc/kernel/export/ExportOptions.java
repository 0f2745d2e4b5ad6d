package dev.proxmoxmpc.kernel.export;

import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of {@code /export DIR [--env NAME] [--format NAME] [--force] [--option KEY=VALUE]... [--json]}.
 * Parsing only (pure), kept apart from the command so it can move onto a declarative parser as it is.
 *
 * @param dir         the export directory as typed
 * @param environment the environment to export for, or {@code ""} for the current one
 * @param format      the {@link dev.proxmoxmpc.spi.iac.Exporter} id
 * @param force       write into a non-empty directory
 * @param options     exporter options
 * @param json        answer with JSON
 */
record ExportOptions(String dir, String environment, String format, boolean force, Map<String, String> options,
                     boolean json) {
    static final Set<String> VALUE_FLAGS = Set.of("--env", "--format", "--option");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--force", "--json");

    ExportOptions {
        options = Map.copyOf(options);
    }

    static ExportOptions parse(List<String> words) {
        Args a = Args.parse(words, VALUE_FLAGS, BOOLEAN_FLAGS);
        String dir = a.positional(0, "the directory to export to (export production-deployment)");
        if (a.positionals().size() > 1) {
            throw new UsageException("export takes one directory, got " + a.positionals().size() + " words: "
                    + String.join(" ", a.positionals()));
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : a.values("--option")) {
            int eq = o.indexOf('=');
            if (eq < 1) {
                throw new UsageException("--option needs KEY=VALUE, got '" + o + "'");
            }
            options.put(o.substring(0, eq), o.substring(eq + 1));
        }
        return new ExportOptions(dir, a.value("--env", ""), a.value("--format", "project"), a.flag("--force"), options,
                a.flag("--json"));
    }
}
