package dev.proxmoxmpc.plugin.terraform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link HclBlock}s the way {@code terraform fmt} lays them out: two-space indentation, a blank line between an
 * attribute group and a nested block and between nested blocks, and the {@code =} of consecutive attributes aligned
 * as hclwrite aligns them: a line whose value opens a bracket it does not close ({@code value = {}) is no part of an
 * alignment group (it ends the one before it and keeps a single space), while a heredoc ({@code <<-EOT}) belongs to
 * the group it stands in, which goes on after the heredoc's closing marker.
 */
public final class HclWriter {
    private HclWriter() {}

    /** @return the block as text, ending with a newline. */
    public static String write(HclBlock block) {
        StringBuilder sb = new StringBuilder();
        write(block, "", sb);
        return sb.toString();
    }

    /** @return only the body lines of a block at one level of indentation (for templates that write the header). */
    public static String body(HclBlock block) {
        StringBuilder sb = new StringBuilder();
        body(block, "  ", sb);
        return sb.toString();
    }

    private static void write(HclBlock block, String indent, StringBuilder sb) {
        sb.append(indent).append(block.type());
        for (String l : block.labels()) {
            sb.append(' ').append(HclStrings.quote(l));
        }
        if (block.isEmpty()) {
            sb.append(" {}\n");
            return;
        }
        sb.append(" {\n");
        body(block, indent + "  ", sb);
        sb.append(indent).append("}\n");
    }

    private static void body(HclBlock block, String indent, StringBuilder sb) {
        List<String[]> group = new ArrayList<>(); // {name, rendered value}
        boolean previousWasBlock = false;
        boolean first = true;
        for (HclBlock.Item item : block.items()) {
            if (item instanceof HclBlock.Attribute a) {
                if (group.isEmpty() && previousWasBlock) {
                    sb.append('\n');
                }
                String rendered = HclValue.render(a.value(), indent);
                if (opensBracket(rendered)) {
                    flush(group, indent, sb);
                    sb.append(indent).append(a.name()).append(" = ").append(rendered).append('\n');
                } else {
                    group.add(new String[] {a.name(), rendered});
                }
                previousWasBlock = false;
            } else if (item instanceof HclBlock.Comment c) {
                flush(group, indent, sb);
                sb.append(indent).append(c.text().isEmpty() ? "#" : "# " + c.text()).append('\n');
            } else if (item instanceof HclBlock.Nested n) {
                flush(group, indent, sb);
                if (!first) {
                    sb.append('\n');
                }
                write(n.block(), indent, sb);
                previousWasBlock = true;
            }
            first = false;
        }
        flush(group, indent, sb);
    }

    /** @return whether a rendered value spans lines by an open bracket (a heredoc does not count: it stays aligned). */
    static boolean opensBracket(String rendered) {
        return rendered.indexOf('\n') >= 0 && !rendered.startsWith("<<");
    }

    private static void flush(List<String[]> group, String indent, StringBuilder sb) {
        int width = 0;
        for (String[] a : group) {
            width = Math.max(width, a[0].length());
        }
        for (String[] a : group) {
            sb.append(indent).append(a[0]).append(" ".repeat(width - a[0].length())).append(" = ").append(a[1]).append('\n');
        }
        group.clear();
    }
}
