package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.kernel.command.RegisteredCommand;
import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code /help}: commands grouped by plugin; {@code /help <command>}: usage, summary, examples. */
@Command(name = "help", aliases = "?", description = "List the commands, or show how to use one",
        footer = {"/help", "/help list vms", "/help --json", "proxmox-mpc help --markdown > docs/commands.md"})
public final class HelpCommand implements ConsoleCommand {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", completionCandidates = CommandNames.class)
    private List<String> command = List.of();
    @Option(names = "--markdown", description = "the command reference as Markdown (docs/commands.md)")
    private boolean markdown;

    /** Tab: every command name. */
    static final class CommandNames implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return KernelSession.of(ctx).registry().names();
        }
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        CommandRegistry registry = KernelSession.of(ctx).registry();
        Console console = ctx.console();
        if (!command.isEmpty()) {
            var exact = registry.match(command).filter(m -> m.args().isEmpty()).map(m -> m.command());
            if (exact.isPresent()) {
                return showOne(console, CommandDoc.of(exact.get()));
            }
            List<CommandDoc> family = startingWith(registry, command);
            if (family.isEmpty()) {
                throw new UsageException(registry.unknownMessage(command));
            }
            if (console.jsonRequested()) {
                console.json(family);
            } else {
                showList(console, family);
            }
            return CommandResult.ok();
        }
        List<CommandDoc> docs = registry.commands().stream().map(CommandDoc::of).toList();
        if (markdown) {
            console.println(CommandReference.markdown(docs).stripTrailing());
        } else if (console.jsonRequested()) {
            console.json(docs);
        } else {
            showList(console, docs);
            console.println("");
            console.println("/help COMMAND shows its usage and examples; Tab completes; Ctrl-C cancels a command; Ctrl-D exits.");
        }
        return CommandResult.ok();
    }

    /** @return the commands whose names start with {@code words} ({@code create} gives {@code create vm}, ...). */
    private static List<CommandDoc> startingWith(CommandRegistry registry, List<String> words) {
        String prefix = CommandRegistry.normalise(String.join(" ", words)) + " ";
        return registry.commands().stream().map(CommandDoc::of).filter(d -> d.name().startsWith(prefix)
                || d.aliases().stream().anyMatch(x -> CommandRegistry.normalise(x).startsWith(prefix))).toList();
    }

    private static void showList(Console console, List<CommandDoc> docs) {
        int width = docs.stream().mapToInt(d -> d.name().length() + 1).max().orElse(0);
        String plugin = null;
        boolean first = true;
        for (CommandDoc d : docs) {
            if (!d.plugin().equals(plugin)) {
                plugin = d.plugin();
                console.println((first ? "" : "\n") + console.style(Style.BOLD, plugin));
                first = false;
            }
            String name = "/" + d.name();
            String aliases = d.aliases().isEmpty() ? "" : console.style(Style.DIM, " (" + String.join(", ", d.aliases()) + ")");
            console.println("  " + console.style(Style.CYAN, name) + " ".repeat(width - name.length() + 2) + d.summary()
                    + aliases);
        }
    }

    private static CommandResult showOne(Console console, CommandDoc d) {
        if (console.jsonRequested()) {
            console.json(d);
            return CommandResult.ok();
        }
        console.println(console.style(Style.BOLD, "/" + d.usage()));
        if (!d.summary().isEmpty()) {
            console.println("  " + d.summary());
        }
        if (!d.aliases().isEmpty()) {
            console.println("  aliases: " + String.join(", ", d.aliases().stream().map(x -> "/" + x).toList()));
        }
        console.println("  plugin: " + d.plugin() + (d.needsProject() ? "; needs a project (/init)" : ""));
        if (!d.examples().isEmpty()) {
            console.println("  examples:");
            d.examples().forEach(e -> console.println("    " + e));
        }
        return CommandResult.ok();
    }
}
