package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.secrets.SecretCommand;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;

/**
 * Puts a rotated token secret where the old one came from. The secret goes only to secrets.yml (0600), to the
 * secret_store_command's stdin, or once to the terminal: never to the log, the audit log or a message.
 */
final class TokenSecretStore {
    private TokenSecretStore() {
    }

    /** @return where it went, for the summary line (never the secret) */
    static String store(Console console, ProjectSecrets secrets, ProjectSecrets.Source source, EnvironmentConfig env, String fresh) {
        String name = env.secretName();
        switch (source) {
            case CUSTOM_ENV, ENV -> {
                String variable = secrets.variable(name);
                showOnce(console, fresh, "it was read from $" + variable + ": put this value there (your shell profile,"
                        + " CI secret store, systemd unit...) before the next command");
                return "shown once for $" + variable;
            }
            case COMMAND -> {
                SecretCommand command = secrets.command(name).orElseThrow();
                if (command.store().isBlank()) {
                    showOnce(console, fresh, "it is read by the environment's secret_command: store this value where that"
                            + " command reads it (or add a secret_store_command to .proxmox/config.yml)");
                    return "shown once for the secret_command's store";
                }
                try {
                    command.store(name, fresh);
                    return "stored through the secret_store_command";
                } catch (CommandException e) {
                    showOnce(console, fresh, e.getMessage() + ": store this value by hand where secret_command reads it");
                    return "shown once (the secret_store_command failed)";
                }
            }
            default -> {
                try {
                    secrets.put(name, fresh);
                    return "stored in .proxmox/secrets.yml";
                } catch (CommandException e) {
                    showOnce(console, fresh, e.getMessage() + ": add it as '" + name + ": <secret>' to .proxmox/secrets.yml");
                    return "shown once (secrets.yml could not be written)";
                }
            }
        }
    }

    /** Writes the secret to the terminal only (the console's own output, never the logger). */
    private static void showOnce(Console console, String fresh, String where) {
        console.warn("The new secret is shown only this once; " + where + ":");
        console.println(fresh);
    }
}
