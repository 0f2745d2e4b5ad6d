package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.KernelVersion;
import dev.proxmoxmpc.spi.SpiVersion;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.util.List;

/** {@code /version}: the product, SPI and Java versions. */
public final class VersionCommand implements ConsoleCommand {

    /** The {@code --json} shape. */
    public record VersionInfo(String version, String spi, String java) {}

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Show the proxmox-mpc, SPI and Java versions";
    }

    @Override
    public List<String> examples() {
        return List.of("/version", "/version --json");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("version takes no arguments");
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(new VersionInfo(KernelVersion.current(), SpiVersion.current(),
                    System.getProperty("java.version")));
        } else {
            ctx.console().println(KernelVersion.line());
        }
        return CommandResult.ok();
    }
}
