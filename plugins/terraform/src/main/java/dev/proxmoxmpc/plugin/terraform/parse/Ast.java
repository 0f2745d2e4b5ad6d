package dev.proxmoxmpc.plugin.terraform.parse;

import java.math.BigDecimal;
import java.util.List;

/** The syntax tree of an HCL file: bodies, attributes, blocks and expressions with their source ranges. */
public final class Ast {
    private Ast() {}

    /** A body: attributes and blocks in source order. */
    public record Body(List<Item> items) {
        public Body {
            items = List.copyOf(items);
        }

        public List<Attribute> attributes() {
            return items.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast).toList();
        }

        public List<Block> blocks() {
            return items.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
        }
    }

    /** An attribute or a block. */
    public sealed interface Item permits Attribute, Block {
        int line();
    }

    public record Attribute(String name, Expr value, int line) implements Item {}

    public record Block(String type, List<String> labels, Body body, int line) implements Item {
        public Block {
            labels = List.copyOf(labels);
        }
    }

    /** An expression; {@code start}/{@code end} are offsets into the file text, {@code line} is 1-based. */
    public sealed interface Expr permits Literal, Template, Tuple, ObjectCons, Traversal, Call, Other {
        int start();

        int end();

        int line();
    }

    /** A number (BigDecimal), a bool, or null. */
    public record Literal(Object value, int start, int end, int line) implements Expr {
        public static Literal number(String text, int start, int end, int line) {
            return new Literal(new BigDecimal(text), start, end, line);
        }
    }

    /** A quoted string or heredoc: literal parts, interpolations and directives. */
    public record Template(List<Part> parts, int start, int end, int line) implements Expr {
        public Template {
            parts = List.copyOf(parts);
        }
    }

    /** A template part. */
    public sealed interface Part permits Text, Interpolation, Directive {}

    /** Literal text, escapes already decoded. */
    public record Text(String text) implements Part {}

    /** {@code ${expr}}; {@code source} is the expression's text as written. */
    public record Interpolation(Expr expr, String source) implements Part {}

    /** {@code %{ if }}, {@code %{ for }}, ... with its source text between {@code %{} and {@code }}. */
    public record Directive(String keyword, String source) implements Part {}

    public record Tuple(List<Expr> items, int start, int end, int line) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    public record ObjectCons(List<Entry> entries, int start, int end, int line) implements Expr {
        public ObjectCons {
            entries = List.copyOf(entries);
        }
    }

    /** {@code key = value} in an object constructor; a bare identifier key is a Traversal without steps. */
    public record Entry(Expr key, Expr value) {}

    /** {@code var.x}, {@code local.y[0]}: a root name and attribute ({@code String}) or index ({@code Expr}) steps. */
    public record Traversal(String root, List<Object> steps, int start, int end, int line) implements Expr {
        public Traversal {
            steps = List.copyOf(steps);
        }
    }

    public record Call(String name, List<Expr> args, int start, int end, int line) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** Any other expression (operators, conditionals, for expressions, splats): parsed, never evaluated. */
    public record Other(String kind, int start, int end, int line) implements Expr {}
}
