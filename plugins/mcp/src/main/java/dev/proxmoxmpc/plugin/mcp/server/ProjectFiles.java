package dev.proxmoxmpc.plugin.mcp.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The project's generated files an assistant may read and cite: Terraform, Ansible, docs, scripts, tests and
 * monitoring, never {@code .proxmox/} (config, secrets, state). Symbolic links are not followed; big files are left
 * out.
 */
public final class ProjectFiles {
    static final List<String> FOLDERS = List.of("terraform", "ansible", "docs", "scripts", "tests", "monitoring");
    static final long LARGEST = 1 << 20;
    public static final String PREFIX = "proxmox-mpc://project/";
    private final Path root;

    public ProjectFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @return project-relative paths ({@code terraform/main.tf}), sorted */
    public List<String> list() {
        List<String> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                        .filter(f -> size(f) <= LARGEST)
                        .map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(null);
        return out;
    }

    /** @return the text of a generated file named by its URI or relative path, or empty when it is not one */
    public Optional<String> read(String uriOrPath) {
        String rel = uriOrPath.startsWith(PREFIX) ? uriOrPath.substring(PREFIX.length()) : uriOrPath;
        if (rel.isEmpty() || rel.contains("\\") || rel.startsWith("/")) {
            return Optional.empty();
        }
        Path file = root.resolve(rel).normalize();
        if (!file.startsWith(root) || FOLDERS.stream().noneMatch(f -> file.startsWith(root.resolve(f)))) {
            return Optional.empty();
        }
        for (Path p = file; !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                return Optional.empty();
            }
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || size(file) > LARGEST) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return a MIME type for a file name */
    public static String mimeType(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".md")) {
            return "text/markdown";
        }
        if (p.endsWith(".json")) {
            return "application/json";
        }
        if (p.endsWith(".yml") || p.endsWith(".yaml")) {
            return "application/yaml";
        }
        if (p.endsWith(".sh")) {
            return "text/x-shellscript";
        }
        if (p.endsWith(".csv")) {
            return "text/csv";
        }
        return "text/plain";
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
