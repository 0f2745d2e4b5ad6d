package dev.proxmoxmpc.spi.command;

import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A command of the console and of batch mode. A name may have several words ({@code create vm},
 * {@code list vms}); slash commands are named without the slash ({@code sync} answers {@code /sync} and
 * {@code proxmox-mpc sync}). The registry matches the longest name.
 *
 * <p>Shape a command in three layers: parse {@code args} (pure, e.g. with {@link Args}), do the work into a
 * result record, render it (table, or {@code ctx.console().json(result)} under {@code --json}).
 */
public interface ConsoleCommand extends ExtensionPoint {

    /** @return the name, lower case, words separated by one space; unique across plugins. */
    String name();

    /**
     * Runs the command. Runs on the console's thread; Ctrl-C interrupts it, so long work should check
     * {@link Thread#interrupted()} or use interruptible calls.
     *
     * @param ctx  the kernel's services
     * @param args the words after the name, global flags ({@code --json}, {@code --yes}) removed
     * @return how it ended
     * @throws UsageException   for a wrong command line (exit 2)
     * @throws CommandException for a failure the user can act on (exit 1)
     */
    CommandResult execute(KernelContext ctx, List<String> args) throws Exception;

    /** @return other names ({@code ls} for {@code list}). */
    default List<String> aliases() {
        return List.of();
    }

    /** @return one line for /help. */
    default String summary() {
        return "";
    }

    /** @return the synopsis ({@code sync [--policy prefer-server|prefer-local|ask]}). */
    default String usage() {
        return name();
    }

    /** @return example lines for {@code /help <command>}. */
    default List<String> examples() {
        return List.of();
    }

    /** @return whether the command needs a project directory ({@code .proxmox/}). */
    default boolean requiresProject() {
        return false;
    }

    /**
     * Candidates for Tab completion of the last word. Called on the console thread; must be fast: local state,
     * or a server read through {@code ProviderSession} with {@code ReadPolicy.CACHED} bounded by a short wait
     * (falling back to {@code ReadPolicy.CACHE_ONLY}), never an unbounded network call. Never throws, never prints.
     *
     * @param ctx   the kernel's services
     * @param words the words typed after the name; the last one is the partial word ({@code ""} after a space)
     * @return candidates (flags, names, VMIDs); the console filters them by the partial word
     */
    default List<String> complete(KernelContext ctx, List<String> words) {
        return List.of();
    }

    /**
     * Whether the interactive console should open after this command when it is the process's only command and
     * standard input and output are a terminal ({@code proxmox-mpc demo} leaves the user at the prompt), as
     * {@code -i} does for any command.
     *
     * @param args the words after the name
     */
    default boolean opensConsole(List<String> args) {
        return false;
    }
}
