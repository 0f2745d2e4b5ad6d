package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The paths of a project. The layout: {@code .proxmox/{config.yml, secrets.yml, state.db, history/, cache/,
 * templates/, plugins/, audit.log}}, {@code terraform/}, {@code ansible/}, {@code tests/}, {@code docs/},
 * {@code scripts/}.
 *
 * @param root the project directory
 */
@API(status = STABLE, since = "1.0")
public record Workspace(Path root) {
    public Workspace {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public Path dotProxmox() {
        return root.resolve(".proxmox");
    }

    public Path configFile() {
        return dotProxmox().resolve("config.yml");
    }

    public Path secretsFile() {
        return dotProxmox().resolve("secrets.yml");
    }

    public Path stateDb() {
        return dotProxmox().resolve("state.db");
    }

    public Path historyDir() {
        return dotProxmox().resolve("history");
    }

    public Path cacheDir() {
        return dotProxmox().resolve("cache");
    }

    public Path templatesDir() {
        return dotProxmox().resolve("templates");
    }

    public Path auditLog() {
        return dotProxmox().resolve("audit.log");
    }

    /** @return whether /init has created {@code .proxmox/config.yml} here. */
    public boolean initialised() {
        return Files.isRegularFile(configFile());
    }

    /**
     * Resolves a project-relative path, refusing anything that would leave the project ({@code ../x},
     * absolute paths).
     *
     * @throws IllegalArgumentException for an unsafe path
     */
    public Path resolve(String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || Path.of(relative).isAbsolute()) {
            throw new IllegalArgumentException("path leaves the project: '" + relative + "'");
        }
        return p;
    }
}
