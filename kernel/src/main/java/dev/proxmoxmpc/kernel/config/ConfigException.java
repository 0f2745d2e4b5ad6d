package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.spi.command.CommandException;

/** {@code .proxmox/config.yml} cannot be used; the message is one line naming the file, the line and the key. */
public class ConfigException extends CommandException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
