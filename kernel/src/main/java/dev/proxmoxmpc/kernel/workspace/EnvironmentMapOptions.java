package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments of {@code environment map NAME [--node FROM=TO]... [--storage FROM=TO]... [--bridge FROM=TO]...
 * [--subnet FROM_CIDR=TO_CIDR]... [--ostemplate FROM=TO]... [--clear]}, declared on
 * {@link EnvironmentMapCommand}. Checking only (pure).
 */
record EnvironmentMapOptions(String name, Map<String, Map<String, String>> pairs, boolean clear) {
    static final List<String> KINDS = List.of("node", "storage", "bridge", "subnet", "ostemplate");
    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}");

    /**
     * @param raw each kind's {@code FROM=TO} words as typed, by kind ({@link #KINDS})
     * @return the pairs checked for form (pure)
     */
    static EnvironmentMapOptions of(String name, Map<String, List<String>> raw, boolean clear) {
        EnvironmentNames.safeName(name);
        Map<String, Map<String, String>> pairs = new LinkedHashMap<>();
        for (String kind : KINDS) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String pair : raw.getOrDefault(kind, List.of())) {
                int eq = pair.indexOf('=');
                if (eq < 1 || eq == pair.length() - 1) {
                    throw new UsageException("--" + kind + " needs FROM=TO, got '" + pair + "'");
                }
                String from = pair.substring(0, eq).trim();
                String to = pair.substring(eq + 1).trim();
                if (kind.equals("subnet") && (!CIDR.matcher(from).matches() || !CIDR.matcher(to).matches())) {
                    throw new UsageException("--subnet needs FROM_CIDR=TO_CIDR like 10.0.0.0/24=10.20.0.0/24, got '" + pair + "'");
                }
                m.put(from, to);
            }
            pairs.put(kind, m);
        }
        return new EnvironmentMapOptions(name, pairs, clear);
    }

    boolean empty() {
        return pairs.values().stream().allMatch(Map::isEmpty);
    }
}
