package dev.proxmoxmpc.plugin.proxmox.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The files of one cache directory: read without following links, written atomically (a temporary file in the same
 * directory, then renamed over the entry), and cleared by name, so only files this class wrote are ever removed.
 */
final class EntryFiles {
    /** What {@link CacheKey#fileName()} produces. */
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z0-9%-][A-Za-z0-9%.@=,_-]*\\.json");
    /** Temporary files a killed writer may leave behind. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.[0-9a-f-]{36}\\.tmp");
    /** Larger files are not read (a content list of thousands of backups is a few MB). */
    private static final long MAX_BYTES = 32L << 20;

    private final Path dir;

    EntryFiles(Path dir) {
        this.dir = dir;
    }

    Path directory() {
        return dir;
    }

    /** @return the file of an entry name; never outside the directory */
    Path file(String name) {
        Path file = dir.resolve(name);
        if (!ENTRY.matcher(name).matches() || !dir.equals(file.getParent())) {
            throw new IllegalArgumentException("not a cache entry name: " + name);
        }
        return file;
    }

    /** @return the bytes of a regular file (a link is not followed), or empty when there is none or it is too large */
    Optional<byte[]> read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             InputStream in = Channels.newInputStream(channel)) {
            if (channel.size() > MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.of(in.readNBytes((int) MAX_BYTES + 1));
        }
    }

    /** Writes {@code bytes} to a temporary file, then moves it over {@code file}: readers see the old or the new file. */
    void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path temporary = dir.resolve("." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Deletes the entries and temporary files; links and files of other names stay. @return how many were deleted */
    int clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                boolean ours = ENTRY.matcher(name).matches() || TEMPORARY.matcher(name).matches();
                if (ours && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
