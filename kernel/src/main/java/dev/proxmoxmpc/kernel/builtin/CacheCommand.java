package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.kernel.context.StatusBar;
import dev.proxmoxmpc.spi.command.Candidates;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.CompletionRequest;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.FixedCandidates;
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
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code /cache [list] | /cache clear [ENV]}: what the providers keep in {@code .proxmox/cache/} (one directory per
 * environment: storage content lists for Tab completion and the {@code --iso}/{@code --ostemplate} checks), and
 * removing it. /plan and /apply never read the cache, so clearing it only costs a few round trips.
 */
@Command(name = "cache", description = "Show or clear the cached server answers in .proxmox/cache/",
        footer = {"/cache", "/cache list --json", "/cache clear", "/cache clear default"})
public final class CacheCommand implements ConsoleCommand {
    private static final List<String> SUBCOMMANDS = List.of("list", "clear");
    @Parameters(index = "0", arity = "0..1", paramLabel = "list|clear", completionCandidates = Actions.class,
            description = "list (the default) or clear")
    private String action = "list";
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ENVIRONMENT", completionCandidates = Environments.class,
            description = "clear: only this environment's cache")
    private List<String> names = List.of();

    /** Tab: the actions. */
    static final class Actions extends FixedCandidates {
        Actions() {
            super("list", "clear");
        }
    }

    /** Tab: the project's environments. */
    static final class Environments implements Candidates {
        @Override
        public List<String> candidates(KernelContext ctx, CompletionRequest request) {
            return new ArrayList<>(ctx.config().environments().keySet());
        }
    }

    /** One environment's cache in {@code --json}: entries, bytes and the newest entry's time ({@code null} if none). */
    public record CacheDir(String environment, int entries, long bytes, Instant newest) {}

    /** What {@code clear} removed. */
    public record Cleared(List<String> environments, int entries, long bytes) {}

    @Override
    public boolean requiresProject() {
        return true;
    }

    @Override
    public CommandResult execute(KernelContext ctx) {
        String sub = action;
        return switch (sub) {
            case "list" -> list(ctx, names);
            case "clear" -> clear(ctx, names);
            default -> throw new UsageException("cache " + sub + ": unknown" + Suggest.closest(sub, SUBCOMMANDS)
                    .map(s -> "; did you mean cache " + s + "?").orElse("; use list or clear"));
        };
    }

    private static CommandResult list(KernelContext ctx, List<String> names) {
        if (!names.isEmpty()) {
            throw new UsageException("cache list takes no names; usage: cache [list] [--json]");
        }
        List<CacheDir> dirs = new ArrayList<>();
        for (Path dir : environmentDirs(ctx)) {
            dirs.add(measure(dir));
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
                .map(d -> List.of(d.environment(), Integer.toString(d.entries()), kib(d.bytes()),
                        d.newest() == null ? "-" : StatusBar.ago(d.newest(), now))).toList()));
        return CommandResult.ok();
    }

    private static CommandResult clear(KernelContext ctx, List<String> names) {
        List<Path> dirs = environmentDirs(ctx);
        if (names.size() > 1) {
            throw new UsageException("cache clear takes at most one environment; usage: cache clear [ENVIRONMENT]");
        }
        if (!names.isEmpty()) {
            String env = names.get(0);
            if (!ctx.config().environments().containsKey(env)) {
                List<String> known = new ArrayList<>(ctx.config().environments().keySet());
                throw new UsageException("unknown environment '" + env + "'" + Suggest.closest(env, known)
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
        if (ctx.console().jsonRequested()) {
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
