package dev.proxmoxmpc.plugin.docs.diagram;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes Mermaid flowchart text: safe node ids, quoted labels with Mermaid's entity codes, and a count of nodes
 * and edges so a diagram can stay within what a viewer renders. Not thread-safe; one per diagram.
 */
final class Mermaid {
    /**
     * Mermaid's own defaults: {@code maxTextSize} 50,000 characters and {@code maxEdges} 500; beyond them a viewer
     * shows an error instead of the diagram. A diagram stops adding detail well before either.
     */
    static final int TEXT_BUDGET = 40_000;
    static final int EDGE_BUDGET = 400;

    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, Integer> used = new HashMap<>();
    private int edges;
    private String indent = "  ";

    Mermaid(String direction) {
        text.append("flowchart ").append(direction).append('\n');
    }

    /** @return a stable id for {@code key} ({@code node:pve1}), made of {@code [A-Za-z0-9_]}, unique in this diagram. */
    String id(String key) {
        return ids.computeIfAbsent(key, k -> {
            String base = k.replaceAll("[^A-Za-z0-9]+", "_");
            int n = used.merge(base, 1, Integer::sum);
            return n == 1 ? base : base + "_" + n;
        });
    }

    Mermaid line(String s) {
        text.append(indent).append(s).append('\n');
        return this;
    }

    /** A box {@code id["label"]}. */
    Mermaid box(String key, String label) {
        return line(id(key) + "[" + label(label) + "]");
    }

    /** A cylinder {@code id[("label")]} (storage). */
    Mermaid cylinder(String key, String label) {
        return line(id(key) + "[(" + label(label) + ")]");
    }

    Mermaid subgraph(String key, String label) {
        line("subgraph " + id(key) + "[" + label(label) + "]");
        indent = indent + "  ";
        return this;
    }

    Mermaid end() {
        indent = indent.substring(2);
        return line("end");
    }

    /** An edge {@code a --> b}, labelled when {@code label} is not empty. */
    Mermaid edge(String from, String to, String label) {
        edges++;
        return line(id(from) + (label.isEmpty() ? " --> " : " -->|" + label(label) + "| ") + id(to));
    }

    /** A dashed edge {@code a -.- b}. */
    Mermaid link(String from, String to) {
        edges++;
        return line(id(from) + " -.- " + id(to));
    }

    int edges() {
        return edges;
    }

    int length() {
        return text.length();
    }

    /** @return whether {@code moreEdges} more edges and about {@code moreChars} characters still fit. */
    boolean fits(int moreEdges, int moreChars) {
        return edges + moreEdges <= EDGE_BUDGET && text.length() + moreChars <= TEXT_BUDGET;
    }

    String text() {
        return text.toString();
    }

    /** @return {@code "label"} with quotes, angle brackets, backticks and {@code #} as Mermaid entity codes. */
    static String label(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("#quot;");
                case '#' -> sb.append("#35;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '`' -> sb.append("#96;");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
