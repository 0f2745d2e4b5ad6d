package dev.proxmoxmpc.spi.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small, pure parser for command words: {@code --flag value}, {@code --flag=value}, boolean
 * {@code --flag}, repeatable flags, and positionals. Unknown flags are a {@link UsageException} with the
 * closest known flag suggested.
 */
public final class Args {
    private final List<String> positionals;
    private final Map<String, List<String>> values;

    private Args(List<String> positionals, Map<String, List<String>> values) {
        this.positionals = List.copyOf(positionals);
        this.values = values;
    }

    /**
     * @param words        the words to parse
     * @param valueFlags   flags that take a value ({@code --name})
     * @param booleanFlags flags that take none ({@code --yes})
     * @throws UsageException on an unknown flag or a missing value
     */
    public static Args parse(List<String> words, Set<String> valueFlags, Set<String> booleanFlags) {
        List<String> pos = new ArrayList<>();
        Map<String, List<String>> vals = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                pos.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (!w.startsWith("--") || w.length() == 2) {
                pos.add(w);
                continue;
            }
            String flag = w;
            String value = null;
            int eq = w.indexOf('=');
            if (eq > 0) {
                flag = w.substring(0, eq);
                value = w.substring(eq + 1);
            }
            if (valueFlags.contains(flag)) {
                if (value == null) {
                    if (i + 1 >= words.size()) {
                        throw new UsageException(flag + " needs a value");
                    }
                    value = words.get(++i);
                }
                vals.computeIfAbsent(flag, k -> new ArrayList<>()).add(value);
            } else if (booleanFlags.contains(flag)) {
                vals.computeIfAbsent(flag, k -> new ArrayList<>()).add(value == null ? "true" : value);
            } else {
                List<String> known = new ArrayList<>(valueFlags);
                known.addAll(booleanFlags);
                String hint = Suggest.closest(flag, known).map(s -> "; did you mean " + s + "?").orElse("");
                throw new UsageException("unknown option " + flag + hint);
            }
        }
        return new Args(pos, vals);
    }

    /** @return the positional words. */
    public List<String> positionals() {
        return positionals;
    }

    /** @return positional {@code i}, or a {@link UsageException} naming {@code what}. */
    public String positional(int i, String what) {
        if (i >= positionals.size()) {
            throw new UsageException("missing " + what);
        }
        return positionals.get(i);
    }

    public boolean has(String flag) {
        return values.containsKey(flag);
    }

    /** @return the last value of a flag. */
    public Optional<String> value(String flag) {
        List<String> v = values.get(flag);
        return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public String value(String flag, String dflt) {
        return value(flag).orElse(dflt);
    }

    /** @return every value of a repeatable flag, in order. */
    public List<String> values(String flag) {
        return List.copyOf(values.getOrDefault(flag, List.of()));
    }

    /** @return a boolean flag: present without value or with {@code true}. */
    public boolean flag(String flag) {
        return value(flag).map(v -> v.equals("true") || v.equals("1") || v.equals("yes")).orElse(false);
    }

    /** @return an integer flag value, or a {@link UsageException} saying what was wrong. */
    public Optional<Integer> intValue(String flag) {
        Optional<String> v = value(flag);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.get().trim()));
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + v.get() + "'");
        }
    }

    /** Closest-name suggestions for "did you mean". */
    public static final class Suggest {
        private Suggest() {}

        /** @return the candidate with the smallest edit distance, if it is close enough to be a typo. */
        public static Optional<String> closest(String word, Collection<String> candidates) {
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String c : candidates) {
                int d = distance(word, c);
                if (d < bestDistance) {
                    best = c;
                    bestDistance = d;
                }
            }
            int limit = Math.max(2, word.length() / 3);
            return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
        }

        /** @return the Levenshtein distance. */
        public static int distance(String a, String b) {
            int[] prev = new int[b.length() + 1];
            int[] cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
