package dev.proxmoxmpc.kernel.console;

import dev.proxmoxmpc.kernel.command.CommandCompleter;
import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/** Drives the JLine completer as the line reader does on Tab, for tests. */
final class CommandCompletion {
    private final CommandCompleter completer;

    private CommandCompletion(CommandCompleter completer) {
        this.completer = completer;
    }

    static CommandCompletion forCommands(List<Object> commands) {
        CommandRegistry registry = new CommandRegistry();
        commands.stream().filter(ConsoleCommand.class::isInstance).map(ConsoleCommand.class::cast)
                .forEach(c -> registry.register(c, "embedded"));
        return new CommandCompletion(new CommandCompleter(() -> registry, () -> null));
    }

    /** @return the candidate values for Tab at the end of {@code line}. */
    List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
