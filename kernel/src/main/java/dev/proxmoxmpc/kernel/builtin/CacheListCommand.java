package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.StatusBar;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code /cache list} (also plain {@code /cache}): what the providers keep in {@code .proxmox/cache/}, one directory
 * per environment (storage content lists for Tab completion and the {@code --iso}/{@code --ostemplate} checks).
 */
@Command(name = "cache list", aliases = "cache", description = "Show the cached server answers in .proxmox/cache/",
        footer = {"/cache", "/cache list --json"})
public final class CacheListCommand implements ConsoleCommand {
    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        List<CacheDirs.CacheDir> dirs = new ArrayList<>();
        for (Path dir : CacheDirs.environmentDirs(ctx)) {
            dirs.add(CacheDirs.measure(dir));
        }
        if (ctx.console().jsonRequested()) {
            ctx.console().json(dirs);
            return CommandResult.ok();
        }
        if (dirs.isEmpty()) {
            ctx.console().info("Nothing is cached (" + ctx.workspace().root().relativize(ctx.workspace().cacheDir()) + " is empty).");
            return CommandResult.ok();
        }
        Instant now = ctx.clock().instant();
        ctx.console().table(new Table(List.of("ENVIRONMENT", "ENTRIES", "SIZE", "NEWEST"), dirs.stream()
                .map(d -> List.of(d.environment(), Integer.toString(d.entries()), CacheDirs.kib(d.bytes()),
                        d.newest() == null ? "-" : StatusBar.ago(d.newest(), now))).toList()));
        return CommandResult.ok();
    }
}
