package dev.proxmoxmpc.spi.command.internal;

import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab candidates of a command's own words, from its declaration: option names while a word starts with {@code -};
 * after an option that takes a value (or in {@code --option=}) that option's values; elsewhere the values of the
 * next positional, or the option names when it has none. Values come from the option's type (enum constants), its
 * {@code completionCandidates}, or a {@link Candidates} class asked with the kernel's context. Unfiltered.
 */
public final class Completions {
    private Completions() {}

    /**
     * @param ctx     the kernel's services
     * @param d       the command
     * @param typed   the complete words after the command's name
     * @param partial the word being typed
     * @return candidates for {@code partial}, not yet filtered by it; never throws
     */
    public static List<String> candidates(KernelContext ctx, Declaration d, List<String> typed, String partial) {
        try {
            return own(ctx, d, typed, partial);
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    private static List<String> own(KernelContext ctx, Declaration d, List<String> typed, String partial) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean literal = false;
        for (int i = 0; i < typed.size(); i++) {
            String w = typed.get(i);
            if (!literal && w.equals("--")) {
                literal = true;
            } else if (!literal && w.startsWith("-") && w.length() > 1 && !w.matches("-\\d.*")) {
                int eq = w.indexOf('=');
                String name = eq > 0 ? w.substring(0, eq) : w;
                String value = eq > 0 ? w.substring(eq + 1) : "";
                if (eq < 0 && d.takesValue(name) && i + 1 < typed.size()) {
                    value = typed.get(++i);
                }
                options.put(name, value);
            } else {
                positionals.add(w);
            }
        }
        String last = typed.isEmpty() ? "" : typed.get(typed.size() - 1);
        if (!literal && d.takesValue(last) && endsWithBareOption(typed, d)) {
            options.remove(last);
            return values(ctx, d, d.option(last).orElseThrow(), partial, positionals, options, "");
        }
        int eq = partial.indexOf('=');
        if (!literal && partial.startsWith("-") && eq > 0) {
            String name = partial.substring(0, eq);
            Optional<OptionSpec> o = d.option(name);
            if (o.isPresent() && o.get().arity().max() > 0) {
                return values(ctx, d, o.get(), partial.substring(eq + 1), positionals, options, name + "=");
            }
            return List.of();
        }
        if (!literal && partial.startsWith("-")) {
            return sortedOptionNames(d);
        }
        Optional<PositionalParamSpec> next = positional(d, positionals.size());
        if (next.isPresent()) {
            List<String> v = values(ctx, d, next.get(), partial, positionals, options, "");
            if (!v.isEmpty()) {
                return v;
            }
        }
        return literal ? List.of() : sortedOptionNames(d);
    }

    private static List<String> sortedOptionNames(Declaration d) {
        return d.optionNames().stream().sorted().distinct().toList();
    }

    /** @return whether the last typed word is an option still waiting for its value. */
    private static boolean endsWithBareOption(List<String> typed, Declaration d) {
        for (int i = 0; i < typed.size(); i++) {
            String w = typed.get(i);
            if (d.takesValue(w)) {
                if (i == typed.size() - 1) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    private static Optional<PositionalParamSpec> positional(Declaration d, int index) {
        for (PositionalParamSpec p : d.positionals()) {
            if (p.index().contains(index)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> values(KernelContext ctx, Declaration d, ArgSpec arg, String partial,
                                       List<String> positionals, Map<String, String> options, String prefix) {
        Iterable<String> source = arg.completionCandidates();
        List<String> out = new ArrayList<>();
        if (source instanceof Candidates c) {
            out.addAll(c.candidates(ctx, new CompletionRequest(d.name(), Declaration.label(arg), partial, positionals,
                    options)));
        } else if (source != null) {
            source.forEach(out::add);
        }
        return prefix.isEmpty() ? out : out.stream().map(v -> prefix + v).toList();
    }
}
