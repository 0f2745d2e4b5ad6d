package dev.proxmoxmpc.kernel.workspace;

import dev.proxmoxmpc.kernel.files.AtomicFiles;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The directories of a project and its {@code .gitignore}. */
public final class ProjectLayout {
    /** Lines the project's .gitignore must have: secrets and local state never go into version control. */
    public static final List<String> IGNORED = List.of(".proxmox/secrets.yml", ".proxmox/state.db",
            ".proxmox/state.db-*", ".proxmox/cache/", ".proxmox/audit.log", ".proxmox/*.tmp");

    private ProjectLayout() {}

    /** Creates the directories (those that exist are kept). */
    public static void create(Workspace ws) throws IOException {
        for (Path p : List.of(ws.dotProxmox(), ws.historyDir(), ws.cacheDir(), ws.root().resolve("terraform"),
                ws.root().resolve("ansible"), ws.root().resolve("tests"), ws.root().resolve("docs"),
                ws.root().resolve("scripts"))) {
            Files.createDirectories(p);
        }
        writeGitignore(ws.root().resolve(".gitignore"));
    }

    /** Writes .gitignore, or appends the lines an existing one lacks. */
    static void writeGitignore(Path file) throws IOException {
        List<String> have = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        List<String> missing = new ArrayList<>();
        for (String line : IGNORED) {
            if (!have.contains(line)) {
                missing.add(line);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(String.join("\n", have));
        if (!have.isEmpty()) {
            sb.append("\n\n");
        }
        sb.append("# proxmox-mpc: secrets and local state stay out of version control\n");
        missing.forEach(l -> sb.append(l).append('\n'));
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8), null);
    }
}
