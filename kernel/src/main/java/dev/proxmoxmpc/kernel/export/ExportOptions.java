package dev.proxmoxmpc.kernel.export;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code /export DIR [--env NAME] [--format NAME] [--force] [--option KEY=VALUE]...}, declared
 * on {@link ExportCommand}. Checking only (pure).
 *
 * @param dir         the export directory as typed
 * @param environment the environment to export for, or {@code ""} for the current one
 * @param format      the {@link dev.proxmoxmpc.spi.iac.Exporter} id
 * @param force       write into a non-empty directory
 * @param options     exporter options
 */
record ExportOptions(String dir, String environment, String format, boolean force, Map<String, String> options) {
    ExportOptions {
        options = Map.copyOf(options);
    }

    /**
     * @param optionPairs the {@code --option} words as typed
     * @return the options checked for form (pure)
     */
    static ExportOptions of(String dir, String environment, String format, boolean force, List<String> optionPairs) {
        if (dir == null) {
            throw new UsageException("missing the directory to export to (export production-deployment)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : optionPairs) {
            int eq = o.indexOf('=');
            if (eq < 1) {
                throw new UsageException("--option needs KEY=VALUE, got '" + o + "'");
            }
            options.put(o.substring(0, eq), o.substring(eq + 1));
        }
        return new ExportOptions(dir, environment, format, force, options);
    }
}
