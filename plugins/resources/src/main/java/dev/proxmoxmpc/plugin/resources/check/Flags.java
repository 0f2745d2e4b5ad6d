package dev.proxmoxmpc.plugin.resources.check;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The options a resource command's declaration parsed, read by name as typed ({@code --memory 8G}), for the pure
 * option parsers ({@code VmOptions}, {@code CtOptions}, {@code NetworkSpec}, {@code StorageSpec}) that check a
 * value's form with the option named in the message. Reading a name the declaration does not have is a bug and
 * fails loudly.
 */
public final class Flags {
    private final CommandSpec spec;
    private final ParseResult result;

    private Flags(CommandSpec spec, ParseResult result) {
        this.spec = spec;
        this.result = result;
    }

    /** @param spec the command's model (picocli injects it into a {@code @Spec} field), after the kernel parsed */
    public static Flags of(CommandSpec spec) {
        return new Flags(spec, spec.commandLine().getParseResult());
    }

    private List<String> typed(String name) {
        if (spec.findOption(name) == null) {
            throw new IllegalArgumentException(name + " is not declared by " + spec.name());
        }
        OptionSpec o = result == null ? null : result.matchedOption(name);
        return o == null ? List.of() : o.stringValues();
    }

    /** @return whether the option was given. */
    public boolean has(String name) {
        return typed(name).size() > 0 || (result != null && result.hasMatchedOption(name));
    }

    /** @return the option's last value. */
    public Optional<String> value(String name) {
        List<String> v = typed(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public String value(String name, String dflt) {
        return value(name).orElse(dflt);
    }

    /** @return every value of a repeatable option, in order. */
    public List<String> values(String name) {
        return List.copyOf(typed(name));
    }

    /** @return a flag: given without a value, or with {@code true}, {@code 1} or {@code yes}. */
    public boolean flag(String name) {
        if (!has(name)) {
            return false;
        }
        return value(name).map(v -> v.equals("true") || v.equals("1") || v.equals("yes")).orElse(true);
    }

    /** @return a whole-number option. */
    public Optional<Integer> intValue(String name) {
        return value(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new UsageException(name + " must be a whole number, got '" + v + "'");
            }
        });
    }
}
