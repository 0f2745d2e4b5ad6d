package dev.proxmoxmpc.spi.command.internal;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command and its declaration (picocli's model, read from the class's annotations or built in code): its name,
 * aliases, summary, examples, generated usage line, and the parsing of its words into its fields. Everything the
 * console shows about a command comes from here.
 */
public final class Declaration {
    /**
     * One declaration per command instance: picocli records each field's initial value when it first reads the
     * class, and resets the fields to it before every parse; a second reading would take the last line's values.
     */
    private static final Map<ConsoleCommand, Declaration> KNOWN = new WeakHashMap<>();
    private final ConsoleCommand command;
    private final CommandLine parser;
    private final CommandSpec spec;

    private Declaration(ConsoleCommand command, CommandLine parser) {
        this.command = command;
        this.parser = parser;
        this.spec = parser.getCommandSpec();
    }

    /**
     * @param command a command whose class carries {@code @Command}, or that builds its {@code declaration()}
     * @return its declaration
     * @throws IllegalArgumentException when the declaration is missing or invalid (the message says why)
     */
    public static Declaration of(ConsoleCommand command) {
        synchronized (KNOWN) {
            Declaration known = KNOWN.get(command);
            if (known == null) {
                known = build(command);
                KNOWN.put(command, known);
            }
            return known;
        }
    }

    private static Declaration build(ConsoleCommand command) {
        Optional<CommandSpec> own = command.declaration();
        if (own.isPresent()) {
            try {
                return new Declaration(command, configure(new CommandLine(own.get())));
            } catch (CommandLine.InitializationException e) {
                throw new IllegalArgumentException("command " + command.getClass().getName() + ": " + e.getMessage(), e);
            }
        }
        if (!declared(command.getClass())) {
            throw new IllegalArgumentException("command " + command.getClass().getName() + " has no @Command declaration");
        }
        try {
            CommandLine parser = configure(new CommandLine(command));
            String name = parser.getCommandSpec().name();
            if (name == null || name.isBlank() || name.equals("<main class>")) {
                throw new IllegalArgumentException("command " + command.getClass().getName() + " has no name");
            }
            return new Declaration(command, parser);
        } catch (CommandLine.InitializationException e) {
            throw new IllegalArgumentException("command " + command.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean declared(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Command.class)) {
                return true;
            }
        }
        return false;
    }

    private static CommandLine configure(CommandLine cl) {
        return cl.setExpandAtFiles(false).setOverwrittenOptionsAllowed(true).setAbbreviatedOptionsAllowed(false)
                .setPosixClusteredShortOptionsAllowed(false).setUnmatchedArgumentsAllowed(false)
                .setCaseInsensitiveEnumValuesAllowed(true).setTrimQuotes(false).setSplitQuotedStrings(false)
                .setAllowOptionsAsOptionParameters(false).setToggleBooleanFlags(false);
    }

    /** @return the command as registered. */
    public ConsoleCommand command() {
        return command;
    }

    /** @return picocli's model of the command. */
    public CommandSpec spec() {
        return spec;
    }

    /** @return the name, lower case, words separated by one space ({@code list vms}). */
    public String name() {
        return normalise(spec.name());
    }

    /** @return other names. */
    public List<String> aliases() {
        return List.of(spec.aliases());
    }

    /** @return the one-line summary ({@code description}). */
    public String summary() {
        return String.join(" ", spec.usageMessage().description()).strip();
    }

    /** @return the example lines ({@code footer}). */
    public List<String> examples() {
        return List.of(spec.usageMessage().footer());
    }

    /** @return whether the command needs a project. */
    public boolean requiresProject() {
        return command.requiresProject();
    }

    /**
     * @return the synopsis, generated: the name, the positionals ({@code <vmid|name>}, optional ones in brackets),
     *     then every option with all its names ({@code --name N}, {@code [--hostname|--name N]}, {@code [--disk D]...},
     *     {@code [--agent[=0|1]]})
     */
    public String usage() {
        StringBuilder sb = new StringBuilder(name());
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                String label = p.paramLabel();
                sb.append(' ').append(p.arity().min() > 0 ? label : "[" + label + "]")
                        .append(p.arity().max() > 1 ? "..." : "");
            }
        }
        for (OptionSpec o : options()) {
            String name = String.join("|", o.names());
            String part = o.arity().max() == 0 ? name
                    : o.arity().min() == 0 ? name + "[=" + o.paramLabel() + "]" : name + " " + o.paramLabel();
            sb.append(' ').append(o.required() ? part : "[" + part + "]").append(o.isMultiValue() ? "..." : "");
        }
        return sb.toString();
    }

    /** @return the options users see, in declaration order. */
    public List<OptionSpec> options() {
        return spec.options().stream().filter(o -> !o.hidden()).toList();
    }

    /** @return every name of every option users see ({@code --hostname}, {@code --name}). */
    public List<String> optionNames() {
        List<String> out = new ArrayList<>();
        options().forEach(o -> out.addAll(List.of(o.names())));
        return out;
    }

    /** @return the visible positionals, in order. */
    public List<PositionalParamSpec> positionals() {
        return spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    }

    /**
     * Runs the command: its fields filled from {@code args}, then {@link ConsoleCommand#execute}.
     *
     * @param args the words after the name, global flags removed
     * @throws UsageException for words the declaration does not accept
     */
    public CommandResult run(KernelContext ctx, List<String> args) throws Exception {
        return parse(args).execute(ctx);
    }

    /** @return whether the console should open after this command line ({@link ConsoleCommand#opensConsole()}). */
    public boolean opensConsole(List<String> args) {
        try {
            return parse(args).opensConsole();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * @param args the words after the name, global flags removed
     * @return the command, its fields filled from {@code args} (picocli first resets every field to the value it
     *     had when the command was registered, so nothing carries over from an earlier line)
     * @throws UsageException for words the declaration does not accept: one line, no class names
     */
    public ConsoleCommand parse(List<String> args) {
        synchronized (parser) {
            try {
                parser.parseArgs(args.toArray(String[]::new));
            } catch (ParameterException e) {
                throw new UsageException(ParseErrors.message(e, this, args));
            }
        }
        return command;
    }

    /** @return the option with the name {@code name}, if declared. */
    public Optional<OptionSpec> option(String name) {
        return options().stream().filter(o -> List.of(o.names()).contains(name)).findFirst();
    }

    /** @return whether {@code arg} is an option that must be followed by a value. */
    boolean takesValue(String name) {
        return option(name).map(o -> o.arity().min() > 0).orElse(false);
    }

    /** @return the label users see for an option or positional: {@code --name}, {@code <vmid|name>}. */
    static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    /** @return {@code name} lower case, without a leading slash, words separated by one space. */
    public static String normalise(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("/")) {
            n = n.substring(1);
        }
        return String.join(" ", n.split("\\s+")).strip();
    }
}
