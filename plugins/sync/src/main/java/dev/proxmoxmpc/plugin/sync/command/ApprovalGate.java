package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.KernelContext;

/**
 * {@code require_approval: true}: in such an environment the server is changed only by an approved saved plan
 * ({@code /apply FILE}); /apply without a file, /rollback and /restore are refused before they read the server.
 */
final class ApprovalGate {
    private ApprovalGate() {}

    /** @throws CommandException saying how to go through an approved plan, when the environment requires one */
    static void check(KernelContext ctx, String command) {
        String env = ctx.config().currentEnvironment();
        if (!ctx.approvalRequired(env)) {
            return;
        }
        if (command.equals("apply")) {
            throw new CommandException("environment '" + env + "' requires approval: /apply takes only an approved saved plan:"
                    + " /plan --out plan.json, /approve plan.json, /apply plan.json");
        }
        throw new CommandException("environment '" + env + "' requires approval: /" + command + " would change the server without"
                + " an approved saved plan; change the desired state instead and go through /plan --out plan.json, /approve plan.json,"
                + " /apply plan.json");
    }
}
