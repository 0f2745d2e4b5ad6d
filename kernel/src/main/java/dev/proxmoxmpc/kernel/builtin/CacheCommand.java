package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.kernel.context.StatusBar;
import dev.proxmoxmpc.spi.command.Args;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.console.Table;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code /cache [list] | /cache clear [ENV]}: what the providers keep in {@code .proxmox/cache/} (one directory per
 * environment: storage content lists for Tab completion and the {@code --iso}/{@code --ostemplate} checks), and
 * removing it. /plan and /apply never read the cache, so clearing it only costs a few round trips.
 */
public final class CacheCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("list", "clear");

    /** One environment's cache in {@code --json}: entries, bytes and the newest entry's time ({@code null} if none). */
    public record CacheDir(String environment, int entries, long bytes, Instant newest) {}

    /** What {@code clear} removed. */
    public record Cleared(List<String> environments, int entries, long bytes) {}

    @Override
    public String name() {
        return "cache";
    }

    @Override
    public String summary() {
        return "Show or clear the cached server answers in .proxmox/cache/";
    }

    @Override
    public String usage() {
        return "cache [list] [--json] | cache clear [ENVIRONMENT]";
    }

    @Override
    public List<String> examples() {
        return List.of("/cache", "/cache list --json", "/cache clear", "/cache clear default");
    }

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public List<String> complete(KernelContext ctx, List<String> words) {
        if (words.size() <= 1) {
            return SUBCOMMANDS;
        }
        return words.get(0).equals("clear") && words.size() == 2 ? new ArrayList<>(ctx.config().environments().keySet())
                : List.of("--json");
    }

    @Override
    public CommandResult execute(KernelContext ctx, List<String> args) {
        boolean named = !args.isEmpty() && !args.get(0).startsWith("--");
        String sub = named ? args.get(0) : "list";
        List<String> rest = named ? args.subList(1, args.size()) : args;
        return switch (sub) {
            case "list" -> list(ctx, Args.parse(rest, Set.of(), Set.of("--json")));
            case "clear" -> clear(ctx, Args.parse(rest, Set.of(), Set.of("--json")));
            default -> throw new UsageException("cache " + sub + ": unknown" + Args.Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean cache " + s + "?").orElse("; use list or clear"));
        };
    }

    private static CommandResult list(KernelContext ctx, Args a) {
        if (!a.positionals().isEmpty()) {
            throw new UsageException("cache list takes no names; usage: cache [list] [--json]");
        }
        List<CacheDir> dirs = new ArrayList<>();
        for (Path dir : environmentDirs(ctx)) {
            dirs.add(measure(dir));
        }
        if (ctx.console().jsonRequested() || a.flag("--json")) {
            ctx.console().json(dirs);
            return CommandResult.ok();
        }
        if (dirs.isEmpty()) {
            ctx.console().info("Nothing is cached (" + ctx.workspace().root().relativize(ctx.workspace().cacheDir()) + " is empty).");
            return CommandResult.ok();
        }
        Instant now = ctx.clock().instant();
        ctx.console().table(new Table(List.of("ENVIRONMENT", "ENTRIES", "SIZE", "NEWEST"), dirs.stream()
                .map(d -> List.of(d.environment(), Integer.toString(d.entries()), kib(d.bytes()),
                        d.newest() == null ? "-" : StatusBar.ago(d.newest(), now))).toList()));
        return CommandResult.ok();
    }

    private static CommandResult clear(KernelContext ctx, Args a) {
        List<Path> dirs = environmentDirs(ctx);
        if (a.positionals().size() > 1) {
            throw new UsageException("cache clear takes at most one environment; usage: cache clear [ENVIRONMENT]");
        }
        if (!a.positionals().isEmpty()) {
            String env = a.positionals().get(0);
            if (!ctx.config().environments().containsKey(env)) {
                List<String> known = new ArrayList<>(ctx.config().environments().keySet());
                throw new UsageException("unknown environment '" + env + "'" + Args.Suggest.closest(env, known)
                        .map(s -> "; did you mean " + s + "?").orElse("; known: " + String.join(", ", known)));
            }
            dirs = dirs.stream().filter(d -> d.getFileName().toString().equals(env)).toList();
        }
        List<String> envs = new ArrayList<>();
        int entries = 0;
        long bytes = 0;
        for (Path dir : dirs) {
            CacheDir measured = measure(dir);
            removeTree(dir);
            envs.add(measured.environment());
            entries += measured.entries();
            bytes += measured.bytes();
        }
        if (ctx.console().jsonRequested() || a.flag("--json")) {
            ctx.console().json(new Cleared(envs, entries, bytes));
        } else {
            ctx.console().success("Removed " + entries + (entries == 1 ? " cached answer" : " cached answers") + " ("
                    + kib(bytes) + ")" + (envs.isEmpty() ? "" : " of " + String.join(", ", envs)) + ".");
        }
        return CommandResult.ok();
    }

    /** @return the environment directories in the cache, sorted; symbolic links are not followed. */
    private static List<Path> environmentDirs(KernelContext ctx) {
        Path root = ctx.workspace().cacheDir();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        TreeMap<String, Path> out = new TreeMap<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(root)) {
            for (Path p : s) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(p.getFileName().toString(), p);
                }
            }
        } catch (IOException e) {
            throw new CommandException("cannot read " + root + ": " + e.getMessage(), e);
        }
        return List.copyOf(out.values());
    }

    private static CacheDir measure(Path dir) {
        int[] entries = {0};
        long[] bytes = {0};
        Instant[] newest = {null};
        walk(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                entries[0]++;
                bytes[0] += attrs.size();
                Instant t = attrs.lastModifiedTime().toInstant();
                newest[0] = newest[0] == null || t.isAfter(newest[0]) ? t : newest[0];
                return FileVisitResult.CONTINUE;
            }
        });
        return new CacheDir(dir.getFileName().toString(), entries[0], bytes[0], newest[0]);
    }

    /** Deletes {@code dir} with everything below it; symbolic links are removed, never followed. */
    private static void removeTree(Path dir) {
        walk(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failed) throws IOException {
                if (failed != null) {
                    throw failed;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void walk(Path dir, SimpleFileVisitor<Path> visitor) {
        try {
            Files.walkFileTree(dir, visitor); // does not follow links
        } catch (IOException e) {
            throw new CommandException("cannot read or remove " + e.getMessage() + " in the cache", e);
        }
    }

    private static String kib(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 1023) / 1024 + " KiB";
    }
}
