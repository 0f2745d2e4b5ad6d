package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.resources.command.CreateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.DeleteContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.MigrateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.UpdateVmCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion comes from local state only: the fake server counts every call and must see none. */
class CompletionTest {
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
        f.nextId.set(-1);
    }

    @Test
    void completesGuestNamesAndVmidsOfTheCommandsKind() {
        assertThat(new UpdateVmCommand().complete(f.ctx, List.of(""))).containsExactly("old-01", "100", "ubuntu-2404", "9000");
        assertThat(new DeleteContainerCommand().complete(f.ctx, List.of("d"))).containsExactly("dns-01", "200");
    }

    @Test
    void completesValuesAfterAFlag() {
        CreateVmCommand create = new CreateVmCommand();
        assertThat(create.complete(f.ctx, List.of("--node", ""))).containsExactly("pve1", "pve2");
        assertThat(create.complete(f.ctx, List.of("--storage", ""))).containsExactly("local", "local-lvm");
        assertThat(create.complete(f.ctx, List.of("--template", ""))).containsExactly("ubuntu-2404", "9000");
        assertThat(create.complete(f.ctx, List.of("--net", ""))).containsExactly("bridge=vmbr0", "bridge=vmbr1");
        assertThat(create.complete(f.ctx, List.of("--pool", ""))).containsExactly("prod");
        assertThat(create.complete(f.ctx, List.of("--node=p"))).containsExactly("--node=pve1", "--node=pve2");
        assertThat(new MigrateVmCommand().complete(f.ctx, List.of("old-01", "--to-node", ""))).containsExactly("pve1", "pve2");
    }

    @Test
    void completesFlagsOnceTheGuestIsNamed() {
        assertThat(new MigrateVmCommand().complete(f.ctx, List.of("old-01", ""))).containsExactly("--json", "--to-node");
        assertThat(new CreateVmCommand().complete(f.ctx, List.of("--"))).contains("--cores", "--memory", "--template", "--ssh-keys");
        assertThat(f.nextIdCalls.get()).isZero();
    }
}
