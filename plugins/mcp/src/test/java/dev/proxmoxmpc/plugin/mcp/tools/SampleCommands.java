package dev.proxmoxmpc.plugin.mcp.tools;

import dev.proxmoxmpc.spi.command.AssistantTool;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Commands declared as plugins declare them, to derive tools from. */
final class SampleCommands {
    private SampleCommands() {
    }

    static final class Sorts extends FixedCandidates {
        Sorts() {
            super("cpu", "mem");
        }
    }

    enum Mode { FAST, SAFE }

    @AssistantTool(Safety.DESIRED_STATE)
    @Command(name = "scale vm", description = "Resize a VM")
    static class Scale implements ConsoleCommand {
        @Parameters(paramLabel = "<vmid|name>", description = "the guest")
        String target;
        @Option(names = "--cores", paramLabel = "C", description = "CPU cores")
        int cores;
        @Option(names = {"-m", "--memory"}, paramLabel = "MiB", description = "memory")
        String memory;
        @Option(names = "--tag", description = "tags")
        List<String> tags;
        @Option(names = "--dry-run", description = "only show")
        boolean dryRun;
        @Option(names = "--mode", description = "how")
        Mode mode;
        @Option(names = "--sort", completionCandidates = Sorts.class, description = "order")
        String sort;
        @Option(names = "--secret-hidden", hidden = true)
        String hidden;

        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    @AssistantTool(Safety.READ)
    @Command(name = "status", description = "Show the status")
    static class Status implements ConsoleCommand {
        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    @Command(name = "list secrets", description = "not opted in")
    static class NotATool implements ConsoleCommand {
        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    @AssistantTool(Safety.READ)
    @Command(name = "unlock", description = "opted in, but handles locks")
    static class Unlock implements ConsoleCommand {
        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    @AssistantTool(Safety.SERVER_CHANGING)
    @Command(name = "apply", description = "Apply the plan")
    static class ApplyWithFile implements ConsoleCommand {
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "a saved plan")
        String file;
        @Option(names = "--parallelism", description = "how many at once")
        int parallelism;

        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    @AssistantTool(Safety.SERVER_CHANGING)
    @Command(name = "apply", description = "Apply the plan")
    static class ApplyWithoutFile implements ConsoleCommand {
        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }

    @AssistantTool(Safety.SERVER_CHANGING)
    @Command(name = "rollback", description = "Roll back")
    static class Rollback implements ConsoleCommand {
        @Parameters(paramLabel = "<snapshot-id>", description = "the snapshot")
        String id;

        @Override
        public CommandResult execute(KernelContext ctx) {
            return CommandResult.ok();
        }
    }
}
