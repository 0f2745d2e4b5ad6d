package dev.proxmoxmpc.kernel.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.boot.KernelRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /workspace switch moves the running kernel session to the other project. */
class WorkspaceSwitchInKernelTest {
    @TempDir
    Path dir;

    private Path project(String name, String endpoint) throws Exception {
        Path root = Files.createDirectories(dir.resolve(name + "/.proxmox")).getParent();
        Files.writeString(root.resolve(".proxmox/config.yml"), "current_environment: " + name + "\nenvironments:\n  "
                + name + ":\n    endpoint: " + endpoint + "\n    token_id: root@pam!mpc\n");
        return root;
    }

    @Test
    void laterCommandsActOnTheSwitchedToProject() throws Exception {
        Path lab = project("lab", "https://lab.example.com:8006");
        Path prod = project("prod", "https://prod.example.com:8006");
        Path home = Files.createDirectories(dir.resolve("home"));
        WorkspaceRegistry reg = new WorkspaceRegistry(home.resolve(".proxmox-mpc/workspaces.yml"));
        reg.register("lab", lab);
        reg.register("prod", prod);

        KernelRun.Result r = new KernelRun(lab, home)
                .run("-c", "environment list; workspace switch prod; environment list; workspace list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        int switched = r.out().indexOf("Now working in prod");
        assertThat(switched).isPositive();
        assertThat(r.out().substring(0, switched)).contains("https://lab.example.com:8006");
        assertThat(r.out().substring(switched)).contains("https://prod.example.com:8006")
                .doesNotContain("https://lab.example.com:8006");
        assertThat(reg.current()).contains("prod");
    }
}
