package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.command.CommandLines;
import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code /run FILE}: runs a script, one command a line, {@code #} comments; stops at the first failure. */
public final class RunCommand implements ConsoleCommand {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "Run the commands of a file, one a line (# starts a comment)";
    }

    @Override
    public String usage() {
        return "run FILE [--keep-going]";
    }

    @Override
    public List<String> examples() {
        return List.of("/run nightly.mpc", "proxmox-mpc run nightly.mpc --keep-going");
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        return List.of("--keep-going");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        Args a = Args.parse(args, Set.of(), Set.of("--keep-going"));
        Path file = Path.of(a.positional(0, "FILE (the script to run)"));
        if (!file.isAbsolute()) {
            file = KernelSession.of(ctx).settings().projectDir().resolve(file).normalize();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
        boolean keepGoing = a.flag("--keep-going") || KernelSession.of(ctx).settings().keepGoing();
        return Batch.run(KernelSession.of(ctx), CommandLines.script(lines), keepGoing);
    }
}
