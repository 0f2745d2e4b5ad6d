package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code environment switch NAME}: the environment commands act on (its server, state, history and lock). */
@Command(name = "environment switch", aliases = "env switch",
        description = "Make commands act on another environment (its server, observed state, history and lock)",
        footer = {"environment switch production"})
public final class EnvironmentSwitchCommand implements ConsoleCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = EnvironmentNames.Known.class,
            description = "the environment to switch to")
    private String name;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        ConfigStore store = new ConfigStore(ctx.workspace());
        ConfigDocument doc = store.read();
        ConfigDocument.EnvironmentDocument env = EnvironmentNames.existing(doc, name);
        doc.currentEnvironment = name;
        store.write(doc);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "environment switch", "environment/" + name, "ok", 0));
        ctx.console().success("Commands now act on environment " + name + " (" + env.endpoint + ").");
        return CommandResult.ok();
    }
}
