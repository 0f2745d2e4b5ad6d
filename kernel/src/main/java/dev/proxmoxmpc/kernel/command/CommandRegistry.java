package dev.proxmoxmpc.kernel.command;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.internal.Declaration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every command by name and alias. Names may have several words; the longest match wins; a leading
 * {@code /} is optional. The first command registered under a name keeps it: later ones are reported in
 * {@link #problems()}.
 */
public final class CommandRegistry {
    private final Map<String, RegisteredCommand> byName = new LinkedHashMap<>();
    private final List<RegisteredCommand> commands = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int longest = 1;

    /** Registers a command and its aliases; a taken name is reported, never replaced. */
    public void register(ConsoleCommand command, String pluginId) {
        RegisteredCommand rc;
        try {
            rc = new RegisteredCommand(Declaration.of(command), pluginId);
        } catch (IllegalArgumentException | LinkageError e) {
            problems.add("plugin '" + pluginId + "': " + e.getMessage() + "; ignored");
            return;
        }
        String name = rc.name();
        if (name.isEmpty()) {
            problems.add("plugin '" + pluginId + "': command " + command.getClass().getName() + " has no name; ignored");
            return;
        }
        RegisteredCommand taken = byName.get(name);
        if (taken != null) {
            problems.add("duplicate command '" + name + "': plugin '" + pluginId + "' (" + command.getClass().getName()
                    + ") ignored, plugin '" + taken.pluginId() + "' keeps it");
            return;
        }
        commands.add(rc);
        bind(name, rc);
        for (String alias : rc.declaration().aliases()) {
            String a = normalise(alias);
            RegisteredCommand other = byName.get(a);
            if (other != null) {
                problems.add("duplicate command '" + a + "': alias of '" + name + "' (plugin '" + pluginId
                        + "') ignored, plugin '" + other.pluginId() + "' keeps it");
            } else if (!a.isEmpty()) {
                bind(a, rc);
            }
        }
    }

    private void bind(String name, RegisteredCommand rc) {
        byName.put(name, rc);
        longest = Math.max(longest, name.split(" ").length);
    }

    /** @return the command a line's words start with (longest name wins), and the remaining words. */
    public Optional<CommandMatch> match(List<String> words) {
        List<String> norm = normaliseWords(words);
        for (int n = Math.min(longest, norm.size()); n >= 1; n--) {
            String name = String.join(" ", norm.subList(0, n));
            RegisteredCommand rc = byName.get(name);
            if (rc != null) {
                if (n < norm.size() && !norm.get(n).startsWith("-") && rc.name().startsWith(name + " ")) {
                    // "workspace" alone is "workspace list"; "workspace lsit" is a mistyped member of the family
                    return Optional.empty();
                }
                return Optional.of(new CommandMatch(rc, words.subList(n, words.size())));
            }
        }
        return Optional.empty();
    }

    /** @return {@code unknown command 'synk'; did you mean /sync?} (the suggestion only when one is close). */
    public String unknownMessage(List<String> words) {
        List<String> norm = normaliseWords(words);
        for (int k = Math.min(norm.size(), longest - 1); k >= 1; k--) {
            String prefix = String.join(" ", norm.subList(0, k)) + " ";
            List<String> family = commands().stream().map(RegisteredCommand::name).filter(n -> n.startsWith(prefix))
                    .map(n -> "/" + n).toList();
            if (!family.isEmpty()) {
                String shown = String.join(" ", words.subList(0, Math.min(words.size(), k + 1)));
                if (norm.size() > k) {
                    List<String> members = family.stream().map(f -> f.substring(prefix.length() + 1))
                            .filter(m -> !m.contains(" ")).toList();
                    Optional<String> close = Suggest.closest(norm.get(k), members);
                    if (close.isPresent()) {
                        return "unknown command '" + shown + "'; did you mean /" + prefix + close.get() + "?";
                    }
                }
                return "unknown command '" + shown + "'; did you mean " + String.join(", ", family.subList(0,
                        Math.min(5, family.size()))) + (family.size() > 5 ? ", ..." : "") + "?";
            }
        }
        String typed = norm.isEmpty() ? "" : norm.get(0);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : byName.keySet()) {
            int k = Math.min(name.split(" ").length, norm.size());
            String candidate = String.join(" ", norm.subList(0, k));
            int d = Suggest.distance(candidate, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
                typed = candidate;
            }
        }
        String shown = words.isEmpty() ? "" : words.get(0);
        if (best != null && bestDistance <= Math.max(2, typed.length() / 3)) {
            return "unknown command '" + shown + "'; did you mean /" + best + "?";
        }
        return "unknown command '" + shown + "'; type /help for the list";
    }

    /** @return every command once, sorted by plugin (kernel first) then name. */
    public List<RegisteredCommand> commands() {
        List<RegisteredCommand> sorted = new ArrayList<>(commands);
        sorted.sort(Comparator.comparing((RegisteredCommand c) -> !c.pluginId().equals("kernel"))
                .thenComparing(RegisteredCommand::pluginId).thenComparing(RegisteredCommand::name));
        return sorted;
    }

    /** @return every name and alias, sorted. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    /** @return duplicate-name problems, one line each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** @return {@code name} lower case, without a leading slash, words separated by one space. */
    public static String normalise(String name) {
        return Declaration.normalise(name);
    }

    private static List<String> normaliseWords(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            out.add(i == 0 && w.startsWith("/") ? w.substring(1) : w);
        }
        return out;
    }
}
