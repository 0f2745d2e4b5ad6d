package dev.proxmoxmpc.kernel.generate;

import dev.proxmoxmpc.kernel.files.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine-local cache of the SHA-256 of generated files, each next to the size and modification time the file had
 * when it was hashed, so that a file whose size and modification time are still the same is not read again (the way
 * git's index avoids reading unchanged files). Kept in the workspace's cache directory, never in the state store:
 * modification times belong to this machine, and the state may be shared.
 *
 * <p>Racy files are always read: an entry whose modification time is not older than the cache file's own
 * modification time (the moment the entries were recorded) might have been changed again within the same clock
 * tick without its time changing, so its hash is not trusted. A missing or unreadable cache means: read every file.
 * Only a cache for speed: it can make a check read more, never report less.
 *
 * <p>Safe for several threads at once (generated files are written in parallel); a file is read and hashed outside
 * the lock.
 */
final class FileStamps {
    private static final Logger LOG = LoggerFactory.getLogger(FileStamps.class);
    static final String FILE_NAME = "generated-files.tsv";
    private static final String HEADER = "# proxmox-mpc generated files: path, sha256, size, mtime (ns); a cache, safe to delete";

    /** What a file was when it was hashed. */
    record Stamp(String hash, long size, long mtimeNanos) {}

    private final Path file;
    private final Map<String, Stamp> stamps;
    /** The moment the loaded entries were recorded (the cache file's modification time), or MIN_VALUE. */
    private final long recordedAt;
    private boolean dirty;

    private FileStamps(Path file, Map<String, Stamp> stamps, long recordedAt) {
        this.file = file;
        this.stamps = stamps;
        this.recordedAt = recordedAt;
    }

    /** @return the stamps recorded in {@code file}; none when it is missing or cannot be read. */
    static FileStamps load(Path file) {
        Map<String, Stamp> stamps = new TreeMap<>();
        long recordedAt = Long.MIN_VALUE;
        try {
            recordedAt = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line = in.readLine();
                if (!HEADER.equals(line)) {
                    return new FileStamps(file, new TreeMap<>(), Long.MIN_VALUE);
                }
                while ((line = in.readLine()) != null) {
                    String[] f = line.split("\t", -1);
                    if (f.length != 4 || f[1].length() != 64) {
                        return new FileStamps(file, new TreeMap<>(), Long.MIN_VALUE);
                    }
                    stamps.put(f[0], new Stamp(f[1], Long.parseLong(f[2]), Long.parseLong(f[3])));
                }
            }
        } catch (NoSuchFileException e) {
            return new FileStamps(file, new TreeMap<>(), Long.MIN_VALUE);
        } catch (IOException | RuntimeException e) {
            LOG.debug("ignoring the generated-files cache {}", file, e);
            return new FileStamps(file, new TreeMap<>(), Long.MIN_VALUE);
        }
        return new FileStamps(file, stamps, recordedAt);
    }

    /**
     * @return the SHA-256 of the file at {@code target} ({@code ""} when it is not a regular file): the recorded one
     *         when its size and modification time are the recorded ones and it is not racy, else read and hashed
     *         (and recorded)
     */
    String hash(String path, Path target) throws IOException {
        BasicFileAttributes before = attributes(target);
        String known = trusted(path, before);
        if (known != null) {
            return known;
        }
        if (before == null || !before.isRegularFile()) {
            forget(path);
            return "";
        }
        String hash = FileHashes.sha256(Files.readAllBytes(target));
        put(path, before, hash);
        return hash;
    }

    /**
     * @return the recorded hash of the file when its size and modification time are unchanged and the entry is not
     *         racy; {@code null} when it must be read
     */
    String trusted(String path, Path target) {
        return trusted(path, attributes(target));
    }

    private String trusted(String path, BasicFileAttributes a) {
        Stamp s;
        synchronized (this) {
            s = stamps.get(path);
        }
        if (s == null || s.mtimeNanos() >= recordedAt || a == null || !a.isRegularFile() || a.size() != s.size()
                || a.lastModifiedTime().to(TimeUnit.NANOSECONDS) != s.mtimeNanos()) {
            return null;
        }
        return s.hash();
    }

    /** Records that the file at {@code target} as it is now has {@code hash}. */
    void record(String path, Path target, String hash) {
        put(path, attributes(target), hash);
    }

    private synchronized void put(String path, BasicFileAttributes a, String hash) {
        if (a == null || !a.isRegularFile()) {
            forget(path);
            return;
        }
        Stamp s = new Stamp(hash, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        if (!s.equals(stamps.put(path, s))) {
            dirty = true;
        }
    }

    synchronized void forget(String path) {
        if (stamps.remove(path) != null) {
            dirty = true;
        }
    }

    /** Keeps only the paths in {@code keep}, then writes the cache if anything changed; a failure is only logged. */
    synchronized void save(java.util.Set<String> keep) {
        if (stamps.keySet().retainAll(keep)) {
            dirty = true;
        }
        if (!dirty) {
            return;
        }
        StringBuilder out = new StringBuilder(stamps.size() * 120).append(HEADER).append('\n');
        for (Map.Entry<String, Stamp> e : stamps.entrySet()) {
            if (e.getKey().indexOf('\t') >= 0 || e.getKey().indexOf('\n') >= 0) {
                continue;
            }
            Stamp s = e.getValue();
            out.append(e.getKey()).append('\t').append(s.hash()).append('\t').append(s.size()).append('\t')
                    .append(s.mtimeNanos()).append('\n');
        }
        try {
            AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8), AtomicFiles.READABLE);
            dirty = false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the generated-files cache {}: {}", file, e.toString());
        }
    }

    private static BasicFileAttributes attributes(Path target) {
        try {
            return Files.readAttributes(target, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }
}
