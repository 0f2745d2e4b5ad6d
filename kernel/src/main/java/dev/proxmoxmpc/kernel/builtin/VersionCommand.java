package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.KernelVersion;
import dev.proxmoxmpc.spi.SpiVersion;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import picocli.CommandLine.Command;

/** {@code /version}: the product, SPI and Java versions. */
@Command(name = "version", description = "Show the proxmox-mpc, SPI and Java versions",
        footer = {"/version", "/version --json"})
public final class VersionCommand implements ConsoleCommand {

    /** The {@code --json} shape. */
    public record VersionInfo(String version, String spi, String java) {}

    @Override
    public CommandResult execute(KernelContext ctx) {
        if (ctx.console().jsonRequested()) {
            ctx.console().json(new VersionInfo(KernelVersion.current(), SpiVersion.current(),
                    System.getProperty("java.version")));
        } else {
            ctx.console().println(KernelVersion.line());
        }
        return CommandResult.ok();
    }
}
