package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/** Copies a project without its secrets, state, history, cache and audit log. */
public final class ProjectCloner {
    private ProjectCloner() {}

    /** @return whether a project-relative path stays behind when cloning */
    public static boolean excluded(Path relative) {
        String p = relative.toString().replace('\\', '/');
        return p.equals(".proxmox/secrets.yml") || p.startsWith(".proxmox/state.db") || p.equals(".proxmox/cache")
                || p.equals(".proxmox/history") || p.equals(".proxmox/audit.log") || p.endsWith(".tmp")
                || p.equals(".git");
    }

    /** Copies {@code from} into the new directory {@code to} (which must not exist or be empty). */
    public static void copy(Workspace from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> s = Files.list(to)) {
                    if (s.findAny().isPresent()) {
                        throw new CommandException(to + " already exists and is not empty; pick another name or --to");
                    }
                }
            }
            Path src = from.root();
            Files.walkFileTree(src, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path rel = src.relativize(dir);
                    if (!rel.toString().isEmpty() && excluded(rel)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(rel.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path rel = src.relativize(file);
                    if (!excluded(rel) && !Files.isSymbolicLink(file)) {
                        Files.copy(file, to.resolve(rel.toString()), StandardCopyOption.COPY_ATTRIBUTES,
                                LinkOption.NOFOLLOW_LINKS);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CommandException("cannot copy the project to " + to + ": " + e.getMessage());
        }
    }
}
