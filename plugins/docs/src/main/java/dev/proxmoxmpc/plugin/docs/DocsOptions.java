package dev.proxmoxmpc.plugin.docs;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The docs generator's options from config.yml ({@code generators.docs}).
 *
 * @param maxGuestsPerDiagram guests a diagram draws one by one (default 40, 5..200); more are summed up
 * @param storageWarn         storage use, percent, that monitoring.sh reports as a warning (default 80)
 * @param storageCrit         storage use, percent, that monitoring.sh reports as critical (default 90)
 * @param backupStorage       the storage backup.sh writes to, {@code ""} for the server's default
 * @param pinnedPublicKey     the server key's pin for the scripts ({@code sha256//BASE64}), or {@code ""}
 * @param diagnostics         problems with the options (the default is used instead)
 */
public record DocsOptions(int maxGuestsPerDiagram, int storageWarn, int storageCrit, String backupStorage,
                          String pinnedPublicKey, List<Diagnostic> diagnostics) {
    public static final int DEFAULT_MAX_GUESTS = 40;

    public DocsOptions {
        diagnostics = List.copyOf(diagnostics);
    }

    public static DocsOptions from(Map<String, Object> options) {
        List<Diagnostic> problems = new ArrayList<>();
        int max = number(options, "max_guests_per_diagram", DEFAULT_MAX_GUESTS, 5, 200, problems);
        int warn = number(options, "storage_warn_percent", 80, 1, 100, problems);
        int crit = number(options, "storage_crit_percent", 90, 1, 100, problems);
        if (crit < warn) {
            problems.add(Diagnostic.warning("generators.docs.storage_crit_percent (" + crit + ") is below storage_warn_percent ("
                    + warn + "); using 80 and 90", "config.yml"));
            warn = 80;
            crit = 90;
        }
        String storage = text(options, "backup_storage", "[A-Za-z][A-Za-z0-9._-]*", problems);
        String pin = text(options, "pinned_public_key", "sha256//[A-Za-z0-9+/=]{43,44}(;sha256//[A-Za-z0-9+/=]{43,44})*", problems);
        return new DocsOptions(max, warn, crit, storage, pin, problems);
    }

    private static int number(Map<String, Object> options, String key, int dflt, int min, int max, List<Diagnostic> problems) {
        Object v = options.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(String.valueOf(v).trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Diagnostic.warning("generators.docs." + key + " must be a whole number from " + min + " to " + max
                + ", got '" + v + "'; using " + dflt, "config.yml"));
        return dflt;
    }

    private static String text(Map<String, Object> options, String key, String pattern, List<Diagnostic> problems) {
        Object v = options.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return "";
        }
        String s = String.valueOf(v).trim();
        if (s.matches(pattern)) {
            return s;
        }
        problems.add(Diagnostic.warning("generators.docs." + key + " '" + s + "' is not valid; left out of the scripts", "config.yml"));
        return "";
    }
}
