package dev.proxmoxmpc.plugin.docs.diagram;

import java.util.Objects;

/**
 * One Mermaid diagram: written as {@code docs/diagrams/<name>.mmd} and embedded in the Markdown.
 *
 * @param name   the file name without {@code .mmd} ({@code topology}, {@code topology-pve1})
 * @param title  a heading for it
 * @param text   the Mermaid source, ending with a newline
 * @param guests how many guests it draws one by one (the rest are summed up in group boxes)
 * @param edges  how many edges it has
 */
public record Diagram(String name, String title, String text, int guests, int edges) {
    public Diagram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /** @return the path under {@code docs/}. */
    public String path() {
        return "diagrams/" + name + ".mmd";
    }
}
