package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.spi.command.internal.CommandLines;
import dev.proxmoxmpc.kernel.context.KernelSession;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code /run FILE}: runs a script, one command a line, {@code #} comments; stops at the first failure. */
@Command(name = "run", description = "Run the commands of a file, one a line (# starts a comment)",
        footer = {"/run nightly.mpc", "proxmox-mpc run nightly.mpc --keep-going"})
public final class RunCommand implements ConsoleCommand {
    @Parameters(paramLabel = "FILE", description = "the script to run")
    private Path script;
    @Option(names = "--keep-going", description = "run every line, even after a failure")
    private boolean keepGoing;

    @Override
    public CommandResult execute(KernelContext ctx) {
        Path file = script;
        if (!file.isAbsolute()) {
            file = KernelSession.of(ctx).settings().projectDir().resolve(file).normalize();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage());
        }
        boolean keepGoing = this.keepGoing || KernelSession.of(ctx).settings().keepGoing();
        return Batch.run(KernelSession.of(ctx), CommandLines.script(lines), keepGoing);
    }
}
