package dev.proxmoxmpc.plugin.testing.check;

import dev.proxmoxmpc.spi.diag.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads a {@code *.test.yml} file, a person's or a generated one. Pure: text in, {@link TestFile} out. */
public final class TestFileReader {
    private TestFileReader() {}

    /**
     * @throws IllegalArgumentException naming the file (and line) for what is wrong
     */
    public static TestFile read(String path, String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(path + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            return new TestFile(path, "", 0, List.of());
        }
        if (!(root instanceof Map<?, ?> doc)) {
            throw new IllegalArgumentException(path + ": expected keys guest, vmid, checks");
        }
        for (Object k : doc.keySet()) {
            if (!List.of("guest", "vmid", "checks").contains(String.valueOf(k))) {
                throw new IllegalArgumentException(path + ": unknown key '" + k + "' (expected guest, vmid, checks)");
            }
        }
        String guest = doc.get("guest") == null ? "" : String.valueOf(doc.get("guest"));
        int vmid = doc.get("vmid") instanceof Number n ? n.intValue() : 0;
        Object checks = doc.get("checks");
        if (checks != null && !(checks instanceof List<?>)) {
            throw new IllegalArgumentException(path + ": checks must be a list");
        }
        List<Check> out = new java.util.ArrayList<>();
        int i = 0;
        for (Object o : checks == null ? List.of() : (List<?>) checks) {
            i++;
            out.add(check(path, i, o));
        }
        return new TestFile(path, guest, vmid, out);
    }

    private static Check check(String path, int index, Object o) {
        String where = path + ": check " + index;
        if (!(o instanceof Map<?, ?> m) || m.get("check") == null) {
            throw new IllegalArgumentException(where + " needs a 'check: <type>' key");
        }
        String type = String.valueOf(m.get("check"));
        if (!CheckTypes.DEFAULTS.containsKey(type)) {
            throw new IllegalArgumentException(where + ": unknown check type '" + type + "' (one of " + String.join(", ", CheckTypes.ALL) + ")");
        }
        Optional<Severity> severity = Optional.empty();
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("check")) {
                continue;
            }
            if (key.equals("severity")) {
                String s = String.valueOf(e.getValue()).toLowerCase(Locale.ROOT);
                severity = Optional.of(switch (s) {
                    case "error" -> Severity.ERROR;
                    case "warning", "warn" -> Severity.WARNING;
                    default -> throw new IllegalArgumentException(where + ": severity must be error or warning, not '" + s + "'");
                });
                continue;
            }
            Object v = e.getValue();
            params.put(key, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : v == null ? "" : v);
        }
        return new Check(type, severity, params);
    }
}
