package dev.proxmoxmpc.kernel.export;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments of {@code /export DIR [--env NAME] [--format NAME] [--ci NAME[,NAME]]... [--force]
 * [--option KEY=VALUE]...}, declared
 * on {@link ExportCommand}. Checking only (pure).
 *
 * @param dir         the export directory as typed
 * @param environment the environment to export for, or {@code ""} for the current one
 * @param format      the {@link dev.proxmoxmpc.spi.iac.Exporter} id
 * @param force       write into a non-empty directory
 * @param options     exporter options
 * @param ci          the CI systems whose pipelines go into the export too ({@code github}: exporter {@code ci-github}),
 *                    in the order given, each once
 */
record ExportOptions(String dir, String environment, String format, boolean force, Map<String, String> options,
                     List<String> ci) {
    /** How a pipeline exporter's id starts: {@code --ci github} runs the exporter {@code ci-github}. */
    static final String CI_PREFIX = "ci-";
    private static final Pattern CI_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    ExportOptions {
        options = Map.copyOf(options);
        ci = List.copyOf(ci);
    }

    /**
     * @param optionPairs the {@code --option} words as typed
     * @return the options checked for form (pure)
     */
    static ExportOptions of(String dir, String environment, String format, boolean force, List<String> optionPairs,
                            List<String> ciWords) {
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
        return new ExportOptions(dir, environment, format, force, options, ciSystems(ciWords));
    }

    /** @return {@code --ci github --ci gitlab,jenkins} as {@code [github, gitlab, jenkins]}, each once */
    private static List<String> ciSystems(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            for (String name : word.split(",", -1)) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (!CI_NAME.matcher(n).matches()) {
                    throw new UsageException("--ci takes CI system names (github, gitlab, jenkins, azure), got '" + word + "'");
                }
                if (!out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }
}
