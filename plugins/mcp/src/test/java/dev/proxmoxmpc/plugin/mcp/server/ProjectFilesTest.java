package dev.proxmoxmpc.plugin.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {

    @Test
    void onlyGeneratedFilesAreListedAndReadNeverConfigSecretsOrLinks(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("terraform"));
        Files.createDirectories(root.resolve("docs/runbooks"));
        Files.createDirectories(root.resolve(".proxmox"));
        Files.writeString(root.resolve("terraform/main.tf"), "resource {}\n");
        Files.writeString(root.resolve("docs/runbooks/start.md"), "# start\n");
        Files.writeString(root.resolve(".proxmox/secrets.yml"), "token: x\n");
        Files.writeString(root.resolve("notes.txt"), "mine\n");
        Files.createSymbolicLink(root.resolve("docs/secrets.yml"), root.resolve(".proxmox/secrets.yml"));
        ProjectFiles files = new ProjectFiles(root);
        assertThat(files.list()).containsExactly("docs/runbooks/start.md", "terraform/main.tf");
        assertThat(files.read(ProjectFiles.PREFIX + "terraform/main.tf")).contains("resource {}\n");
        assertThat(files.read(ProjectFiles.PREFIX + ".proxmox/secrets.yml")).isEmpty();
        assertThat(files.read(ProjectFiles.PREFIX + "terraform/../.proxmox/secrets.yml")).isEmpty();
        assertThat(files.read(ProjectFiles.PREFIX + "docs/secrets.yml")).as("a link").isEmpty();
        assertThat(files.read(ProjectFiles.PREFIX + "notes.txt")).isEmpty();
        assertThat(files.read("/etc/passwd")).isEmpty();
    }
}
