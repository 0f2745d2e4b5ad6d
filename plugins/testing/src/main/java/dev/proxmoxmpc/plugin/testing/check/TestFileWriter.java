package dev.proxmoxmpc.plugin.testing.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a {@link TestFile} as readable, deterministic YAML (the format {@link TestFileReader} reads). */
public final class TestFileWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@-]*");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("true", "false", "yes", "no", "on", "off", "null",
            "y", "n", "~");

    private TestFileWriter() {}

    /**
     * @param file   the file
     * @param header comment lines (without {@code #})
     */
    public static String write(TestFile file, List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append(h.isEmpty() ? "#" : "# " + h).append('\n'));
        if (!file.guest().isEmpty()) {
            out.append("guest: ").append(scalar(file.guest())).append('\n');
        }
        if (file.vmid() > 0) {
            out.append("vmid: ").append(file.vmid()).append('\n');
        }
        out.append("checks:\n");
        for (Check c : file.checks()) {
            out.append("  - check: ").append(c.type()).append('\n');
            for (Map.Entry<String, Object> e : c.params().entrySet()) {
                out.append("    ").append(e.getKey()).append(": ").append(value(e.getValue())).append('\n');
            }
            c.severity().ifPresent(s -> out.append("    severity: ").append(s.name().toLowerCase(Locale.ROOT)).append('\n'));
        }
        return out.toString();
    }

    private static String value(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(scalar(String.valueOf(l.get(i))));
            }
            return b.append(']').toString();
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return scalar(String.valueOf(v));
    }

    /** @return the text plain when YAML reads it back as the same string, else double-quoted. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT)) && !s.matches("[-+]?[0-9.eE_:+-]+")) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
