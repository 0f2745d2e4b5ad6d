package dev.proxmoxmpc.plugin.simulator.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A guest config as the file PVE writes: description as {@code #} comment lines, then {@code key: value} lines
 * sorted by key, then one {@code [snapshot]} section per snapshot. The {@code digest} is the SHA-1 of this text.
 */
public final class ConfigText {
    private ConfigText() {
    }

    public static String render(Guest g) {
        StringBuilder sb = new StringBuilder();
        section(sb, g.config);
        for (Snapshot s : g.snapshots.values()) {
            sb.append('\n').append('[').append(s.name()).append("]\n");
            section(sb, s.config());
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, Map<String, String> config) {
        String description = config.get("description");
        if (description != null) {
            for (String line : description.split("\n", -1)) {
                sb.append('#').append(line).append('\n');
            }
        }
        new TreeMap<>(config).forEach((k, v) -> {
            if (!k.equals("description")) {
                sb.append(k).append(": ").append(v).append('\n');
            }
        });
    }

    public static String digest(Guest g) {
        return sha1(render(g));
    }

    public static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the text back ({@code key: value} lines of the main section, {@code #} lines as description). */
    public static Map<String, String> parse(String text) {
        Map<String, String> config = new java.util.LinkedHashMap<>();
        StringBuilder description = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("[")) {
                break;
            }
            if (line.startsWith("#")) {
                description.append(description.length() > 0 ? "\n" : "").append(line.substring(1));
            } else if (line.contains(": ")) {
                int i = line.indexOf(": ");
                config.put(line.substring(0, i), line.substring(i + 2));
            }
        }
        if (description.length() > 0) {
            config.put("description", description.toString());
        }
        return config;
    }
}
