package dev.proxmoxmpc.spi.command.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command line's words with the flags every command takes taken out: {@code --json}, {@code --yes}/{@code -y}
 * (not after {@code --}). Only the kernel (and the test kit, through this class) reads them; no command declares them.
 *
 * @param json whether {@code --json} was given
 * @param yes  whether {@code --yes} or {@code -y} was given
 * @param rest the other words, in order: the command's name and its own arguments
 */
public record GlobalFlags(boolean json, boolean yes, List<String> rest) {
    /** The flags every command takes, as Tab offers them; {@code --help} opens /help for the command. */
    public static final List<String> NAMES = List.of("--json", "--yes", "--help");
    /** Every spelling the runner takes out or handles itself. */
    public static final Set<String> SPELLINGS = Set.of("--json", "--yes", "-y", "--help");

    public GlobalFlags {
        rest = List.copyOf(rest);
    }

    /** @return {@code words} split into the global flags and the rest. */
    public static GlobalFlags split(List<String> words) {
        boolean json = false;
        boolean yes = false;
        List<String> rest = new ArrayList<>();
        boolean literal = false;
        for (String w : words) {
            if (!literal && w.equals("--json")) {
                json = true;
            } else if (!literal && (w.equals("--yes") || w.equals("-y"))) {
                yes = true;
            } else {
                literal |= w.equals("--");
                rest.add(w);
            }
        }
        return new GlobalFlags(json, yes, rest);
    }
}
