package dev.proxmoxmpc.spi.testkit;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.internal.Completions;
import dev.proxmoxmpc.spi.command.internal.Declaration;
import dev.proxmoxmpc.spi.command.internal.GlobalFlags;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;

/**
 * Runs one command with the words after its name, as the kernel does: global flags ({@code --json}, {@code --yes})
 * taken out and set on a {@link RecordingConsole}, the rest parsed by the command's declaration. Unlike
 * {@link TestKernelContext#execute}, exceptions reach the test ({@code UsageException} for a bad line).
 */
public final class Commands {
    private Commands() {}

    /**
     * @param command the command
     * @param ctx     its context
     * @param args    the words after its name
     * @return its result
     */
    public static CommandResult run(ConsoleCommand command, KernelContext ctx, List<String> args) {
        GlobalFlags global = GlobalFlags.split(args);
        Declaration d = Declaration.of(command);
        if (ctx.console() instanceof RecordingConsole rec) {
            return rec.withFlags(global.json(), global.yes(), () -> call(d, ctx, global.rest()));
        }
        return call(d, ctx, global.rest());
    }

    /**
     * @return {@code command} with its fields filled from {@code args} by its declaration (no run)
     * @throws dev.proxmoxmpc.spi.command.UsageException for words the declaration does not accept
     */
    public static <T extends ConsoleCommand> T parse(T command, List<String> args) {
        Declaration.of(command).parse(args);
        return command;
    }

    /**
     * What Tab offers for a command's own words, as the console computes it ({@code Completions}); the console adds
     * the command names and the global flags.
     *
     * @param words the words after the command's name; the last one is being typed ({@code ""} after a space)
     * @return the candidates, not yet filtered by the last word (the console filters them)
     */
    public static List<String> complete(ConsoleCommand command, KernelContext ctx, List<String> words) {
        String partial = words.isEmpty() ? "" : words.get(words.size() - 1);
        List<String> typed = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
        return Completions.candidates(ctx, Declaration.of(command), typed, partial);
    }

    private static CommandResult call(Declaration d, KernelContext ctx, List<String> args) {
        try {
            return d.run(ctx, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
