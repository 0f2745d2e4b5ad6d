package dev.proxmoxmpc.kernel.builtin;

import dev.proxmoxmpc.spi.command.CommandException;
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
import java.util.List;
import java.util.TreeMap;

/** The environment directories of {@code .proxmox/cache/}: listing, measuring and removing them (links never followed). */
public final class CacheDirs {
    private CacheDirs() {}

    /** One environment's cache in {@code --json}: entries, bytes and the newest entry's time ({@code null} if none). */
    public record CacheDir(String environment, int entries, long bytes, Instant newest) {}

    /** What {@code cache clear} removed. */
    public record Cleared(List<String> environments, int entries, long bytes) {}

    /** @return the environment directories in the cache, sorted; symbolic links are not followed. */
    static List<Path> environmentDirs(KernelContext ctx) {
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

    static CacheDir measure(Path dir) {
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
    static void removeTree(Path dir) {
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

    static String kib(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 1023) / 1024 + " KiB";
    }
}
