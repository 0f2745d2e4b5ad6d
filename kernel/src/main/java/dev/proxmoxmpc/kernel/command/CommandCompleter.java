package dev.proxmoxmpc.kernel.command;

import dev.proxmoxmpc.spi.command.internal.Completions;
import dev.proxmoxmpc.spi.command.internal.GlobalFlags;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tab completion: command names (word by word for multi-word names, with or without the leading {@code /}),
 * then what the command's declaration offers ({@link Completions}: its options, after {@code --flag } its values,
 * names and VMIDs from its candidate providers), and
 * the flags every command takes ({@code --json}, {@code --yes}, {@code --help}) once a word starts with {@code -}.
 * A failing command completes nothing.
 */
public final class CommandCompleter implements Completer {
    private static final Logger LOG = LoggerFactory.getLogger(CommandCompleter.class);
    private final Supplier<CommandRegistry> registry;
    private final Supplier<KernelContext> ctx;

    public CommandCompleter(Supplier<CommandRegistry> registry, Supplier<KernelContext> ctx) {
        this.registry = registry;
        this.ctx = ctx;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = Math.min(line.wordIndex(), words.size());
        List<String> typed = new ArrayList<>(words.subList(0, index));
        String partial = index < words.size() ? words.get(index) : "";
        for (String value : candidates(typed, partial)) {
            candidates.add(new Candidate(value, value, null, null, null, null, true));
        }
    }

    /**
     * @param typed   the complete words before the cursor
     * @param partial the word being typed ({@code ""} after a space)
     * @return the values that can replace {@code partial}, filtered by it
     */
    public List<String> candidates(List<String> typed, String partial) {
        CommandRegistry commands = registry.get();
        Set<String> out = new LinkedHashSet<>();
        boolean slash = typed.isEmpty() ? partial.startsWith("/") : typed.get(0).startsWith("/");
        List<String> norm = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String w = typed.get(i).toLowerCase(Locale.ROOT);
            norm.add(i == 0 && w.startsWith("/") ? w.substring(1) : w);
        }
        for (String name : commands.names()) {
            List<String> parts = List.of(name.split(" "));
            if (parts.size() > norm.size() && parts.subList(0, norm.size()).equals(norm)) {
                String next = parts.get(norm.size());
                out.add(norm.isEmpty() && slash ? "/" + next : next);
            }
        }
        if (!typed.isEmpty()) {
            commands.match(typed).ifPresent(m -> {
                out.addAll(own(m, partial));
                if (partial.startsWith("-")) {
                    out.addAll(GlobalFlags.NAMES);
                }
            });
        }
        return out.stream().filter(c -> c.startsWith(partial)).toList();
    }

    private List<String> own(CommandMatch m, String partial) {
        try {
            return Completions.candidates(ctx.get(), m.command().declaration(), m.args(), partial);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("completion of /{} failed", m.command().name(), e);
            return List.of();
        }
    }
}
