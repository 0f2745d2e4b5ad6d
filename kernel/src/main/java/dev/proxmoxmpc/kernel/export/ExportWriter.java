package dev.proxmoxmpc.kernel.export;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes an export into its directory and nowhere else: every path is resolved against the directory's real
 * path and checked to stay inside it (a symbolic link in the way is refused), and a directory that already holds
 * files is refused unless forced. Shell scripts are made executable.
 */
final class ExportWriter {
    private ExportWriter() {}

    /** @return the directory's real path after writing {@code files} into it */
    static Path write(Path dir, List<GeneratedFile> files, boolean force) {
        try {
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
                throw new CommandException(dir + " exists and is not a directory");
            }
            if (!force && !empty(dir)) {
                throw new CommandException(dir + " is not empty; export into a new directory, or add --force to write over it");
            }
            Files.createDirectories(dir);
            Path root = dir.toRealPath();
            for (GeneratedFile f : files) {
                writeOne(root, f);
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOne(Path root, GeneratedFile f) throws IOException {
        Path target = root.resolve(f.path()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new CommandException("refused to write " + f.path() + ": it is outside " + root);
        }
        Files.createDirectories(target.getParent());
        if (!target.getParent().toRealPath().startsWith(root)) {
            throw new CommandException("refused to write " + f.path() + ": a symbolic link leads outside " + root);
        }
        if (Files.isSymbolicLink(target)) {
            Files.delete(target);
        }
        Files.writeString(target, f.content(), StandardCharsets.UTF_8);
        if (f.path().endsWith(".sh") && root.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean empty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
