package dev.proxmoxmpc.plugin.mcp.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the command line a tool call stands for, so that it runs exactly as if typed. An option's value is written
 * as one word {@code --option=value}, and a positional value may not start with {@code -}: no value an assistant
 * passes can become a flag of its own (never {@code --yes}). Pure.
 */
public final class Lines {
    private Lines() {
    }

    /**
     * @param tool      the tool
     * @param arguments the call's arguments (JSON values: strings, numbers, booleans, arrays of them)
     * @return the command line, without global flags
     * @throws ToolInputException for an unknown, missing or ill-typed argument
     */
    public static String build(CommandTool tool, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        Set<String> known = new TreeSet<>();
        tool.params().forEach(p -> known.add(p.property()));
        for (String key : args.keySet()) {
            if (!known.contains(key)) {
                throw new ToolInputException("unknown argument '" + key + "' for " + tool.name()
                        + (known.isEmpty() ? " (it takes none)" : "; it takes: " + String.join(", ", known)));
            }
        }
        List<String> words = new ArrayList<>(List.of(tool.command().split("\\s+")));
        for (ToolParam p : tool.params()) {
            Object value = args.get(p.property());
            if (value == null) {
                if (p.required()) {
                    throw new ToolInputException("missing argument '" + p.property() + "' for " + tool.name());
                }
                continue;
            }
            switch (p.kind()) {
                case FLAG -> {
                    if (!(value instanceof Boolean b)) {
                        throw new ToolInputException("'" + p.property() + "' must be true or false");
                    }
                    if (b) {
                        words.add(p.option());
                    }
                }
                case OPTION -> values(p, value).forEach(v -> words.add(p.option() + "=" + v));
                case POSITIONAL -> { } // below, in index order
            }
        }
        for (ToolParam p : tool.positionals()) {
            Object value = args.get(p.property());
            if (value == null) {
                continue;
            }
            for (String v : values(p, value)) {
                if (v.startsWith("-")) {
                    throw new ToolInputException("'" + p.property() + "' may not start with '-': " + v);
                }
                words.add(v);
            }
        }
        return String.join(" ", words.stream().map(Lines::quote).toList());
    }

    private static List<String> values(ToolParam p, Object value) {
        if (value instanceof Collection<?> many) {
            if (!p.multi()) {
                throw new ToolInputException("'" + p.property() + "' takes one value, not a list");
            }
            return many.stream().map(v -> scalar(p, v)).toList();
        }
        return List.of(scalar(p, value));
    }

    private static String scalar(ToolParam p, Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            String s = v instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue())
                    : v.toString();
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
                throw new ToolInputException("'" + p.property() + "' may not contain line breaks");
            }
            return s;
        }
        throw new ToolInputException("'" + p.property() + "' must be a string, number or boolean");
    }

    /** @return the word quoted as the console's line splitting reads it back */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || "'\"\\;#".indexOf(c) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
