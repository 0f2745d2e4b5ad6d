package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.state.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code environment remove NAME}: forgets an environment (not the current one). */
@Command(name = "environment remove", aliases = "env remove", description = "Forget an environment (not the current one)",
        footer = {"environment remove staging"})
public final class EnvironmentRemoveCommand implements ConsoleCommand {
    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = EnvironmentNames.Known.class,
            description = "the environment to forget")
    private String name;

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        ConfigStore store = new ConfigStore(ctx.workspace());
        ConfigDocument doc = store.read();
        EnvironmentNames.existing(doc, name);
        if (name.equals(doc.currentEnvironment)) {
            throw new CommandException("environment " + name + " is the current one; /environment switch to another first");
        }
        doc.environments.remove(name);
        store.write(doc);
        ctx.audit(new AuditEntry(ctx.clock().instant(), ctx.user(), "", "environment remove", "environment/" + name, "ok", 0));
        ctx.console().success("Removed environment " + name + ". Its secret, if any, stays where you put it; its state "
                + "stays in the state database until an environment of that name is added again.");
        return CommandResult.ok();
    }
}
