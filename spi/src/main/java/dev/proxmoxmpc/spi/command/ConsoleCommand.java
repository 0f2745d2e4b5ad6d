package dev.proxmoxmpc.spi.command;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command of the console and of batch mode, declared once on picocli's model: the class carries
 * {@code @picocli.CommandLine.Command(name = "sync", aliases = ..., description = "one-line summary",
 * footer = {"example line", ...})} and its options and positionals as {@code @Option} / {@code @Parameters} fields
 * (or {@code @Mixin}s). The kernel derives everything else from that declaration: parsing, type conversion, usage
 * and /help text, Tab completion, {@code docs/commands.md} and the "did you mean" and error lines.
 *
 * <p>A name may have several words ({@code create vm}, {@code list vms}); slash commands are named without the slash
 * ({@code sync} answers {@code /sync} and {@code proxmox-mpc sync}). The registry matches the longest name. The
 * {@code footer} lines are the examples /help shows.
 *
 * <p>For every run the kernel fills the fields from the words (each first reset to the value it had at
 * registration, so nothing carries over from an earlier line) and calls {@link #execute}. Global flags ({@code --json}, {@code --yes}/{@code -y}) never reach a command:
 * read them through {@code ctx.console().jsonRequested()} and {@code ctx.console().confirm(...)}.
 *
 * <p>Shape a command in three layers: the declaration (fields, pure), the work into a result record, and its
 * rendering (table, or {@code ctx.console().json(result)} under {@code --json}). Values to complete that only the
 * running system knows (VMIDs, node names, ISO files) come from a {@link Candidates} class named in
 * {@code completionCandidates}.
 */
public interface ConsoleCommand extends ExtensionPoint {

    /**
     * Runs the command, its fields filled from the command line. Runs on the console's thread; Ctrl-C interrupts it,
     * so long work should check {@link Thread#interrupted()} or use interruptible calls.
     *
     * @param ctx the kernel's services
     * @return how it ended
     * @throws UsageException   for a wrong command line the declaration cannot express (exit 2)
     * @throws CommandException for a failure the user can act on (exit 1)
     */
    CommandResult execute(KernelContext ctx) throws Exception;

    /**
     * The declaration built in code ({@code CommandSpec.create().name("...").addOption(...)}), for a command whose
     * name or options are only known when it is made; empty (the default) to read the class's annotations.
     */
    default Optional<CommandSpec> declaration() {
        return Optional.empty();
    }

    /** @return whether the command needs a project directory ({@code .proxmox/}). */
    default boolean requiresProject() {
        return false;
    }

    /**
     * Whether the interactive console should open after this command when it is the process's only command and
     * standard input and output are a terminal ({@code proxmox-mpc demo} leaves the user at the prompt), as
     * {@code -i} does for any command. Asked of an instance whose fields are filled from the command line.
     */
    default boolean opensConsole() {
        return false;
    }
}
