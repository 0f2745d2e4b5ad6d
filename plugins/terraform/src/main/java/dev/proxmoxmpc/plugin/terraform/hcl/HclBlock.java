package dev.proxmoxmpc.plugin.terraform.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A block to write: a type, labels, and items in order (attributes, nested blocks, comments). Built by the
 * mappers, turned into text by {@link HclWriter}. Mutable while being built, then only read.
 */
public final class HclBlock {
    /** One line or group of lines in a block body. */
    public sealed interface Item permits Attribute, Nested, Comment {}

    /** {@code name = value}. */
    public record Attribute(String name, Object value) implements Item {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, () -> "value of " + name);
        }
    }

    /** A nested block. */
    public record Nested(HclBlock block) implements Item {}

    /** A {@code #} comment line (text without the {@code #}). */
    public record Comment(String text) implements Item {}

    private final String type;
    private final List<String> labels;
    private final List<Item> items = new ArrayList<>();
    private final java.util.Map<String, Integer> lines = new java.util.HashMap<>();
    private int line;

    public HclBlock(String type, String... labels) {
        this.type = type;
        this.labels = List.of(labels);
    }

    public String type() {
        return type;
    }

    public List<String> labels() {
        return labels;
    }

    public List<Item> items() {
        return items;
    }

    /** Adds an attribute; a null value is skipped (unset). */
    public HclBlock attr(String name, Object value) {
        if (value != null) {
            items.add(new Attribute(name, value));
        }
        return this;
    }

    /** Adds a nested block and returns it. */
    public HclBlock block(String blockType, String... blockLabels) {
        HclBlock b = new HclBlock(blockType, blockLabels);
        items.add(new Nested(b));
        return b;
    }

    /** Adds a nested block built elsewhere. */
    public HclBlock add(HclBlock b) {
        items.add(new Nested(b));
        return this;
    }

    public HclBlock comment(String text) {
        items.add(new Comment(text));
        return this;
    }

    /** @return the source line of this block (0 when generated). */
    public int line() {
        return line;
    }

    public HclBlock at(int sourceLine) {
        this.line = sourceLine;
        return this;
    }

    /** Records the source line of an attribute (parsed files). */
    public void lineOf(String attribute, int sourceLine) {
        lines.put(attribute, sourceLine);
    }

    /** @return the source line of an attribute, else the block's. */
    public int lineOf(String attribute) {
        return lines.getOrDefault(attribute, line);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** @return the value of a direct attribute, or null. */
    public Object get(String name) {
        for (Item i : items) {
            if (i instanceof Attribute a && a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }

    /** @return the direct nested blocks of a type, in order. */
    public List<HclBlock> blocks(String blockType) {
        List<HclBlock> out = new ArrayList<>();
        for (Item i : items) {
            if (i instanceof Nested n && n.block().type().equals(blockType)) {
                out.add(n.block());
            }
        }
        return out;
    }
}
