package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.plugin.resources.command.CloneVmCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateNetworkCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateStorageCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.DeleteContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.ListVmsCommand;
import dev.proxmoxmpc.plugin.resources.command.MigrateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.UpdateVmCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tab completion comes from local state only (but for --iso and --ostemplate, see VolumeCompletionTest): the fake server counts every call and must see none. */
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
        assertThat(Commands.complete(new UpdateVmCommand(), f.ctx, List.of(""))).containsExactly("old-01", "100", "ubuntu-2404", "9000");
        assertThat(Commands.complete(new DeleteContainerCommand(), f.ctx, List.of("d"))).containsExactly("dns-01", "200");
    }

    @Test
    void completesValuesAfterAFlag() {
        CreateVmCommand create = new CreateVmCommand();
        assertThat(Commands.complete(create, f.ctx, List.of("--node", ""))).containsExactly("pve1", "pve2");
        assertThat(Commands.complete(create, f.ctx, List.of("--storage", ""))).containsExactly("local", "local-lvm");
        assertThat(Commands.complete(create, f.ctx, List.of("--template", ""))).containsExactly("ubuntu-2404", "9000");
        assertThat(Commands.complete(create, f.ctx, List.of("--net", ""))).containsExactly("bridge=vmbr0", "bridge=vmbr1");
        assertThat(Commands.complete(create, f.ctx, List.of("--pool", ""))).containsExactly("prod");
        assertThat(Commands.complete(create, f.ctx, List.of("--node=p"))).containsExactly("--node=pve1", "--node=pve2");
        assertThat(Commands.complete(new MigrateVmCommand(), f.ctx, List.of("old-01", "--to-node", ""))).as("not where it is")
                .containsExactly("pve2");
    }

    @Test
    void bridgesAndPortsAreThoseOfTheNodeGivenOrOfTheGuestsNode() {
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--node", "pve2", "--net", ""))).containsExactly("bridge=vmbr0");
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--node=pve1", "--net", ""))).containsExactly("bridge=vmbr0", "bridge=vmbr1");
        assertThat(Commands.complete(new UpdateVmCommand(), f.ctx, List.of("old-01", "--net", ""))).containsExactly("bridge=vmbr0", "bridge=vmbr1");
        assertThat(Commands.complete(new CreateNetworkCommand(), f.ctx, List.of("--node", "pve1", "--ports", ""))).containsExactly("eth0", "eth1");
        assertThat(Commands.complete(new CreateNetworkCommand(), f.ctx, List.of("--node", "pve2", "--ports", ""))).containsExactly("eth0");
    }

    @Test
    void listValuesCompleteAfterTheLastComma() {
        CreateStorageCommand storage = new CreateStorageCommand();
        assertThat(Commands.complete(storage, f.ctx, List.of("--nodes", "pve1,"))).containsExactly("pve1,pve2");
        assertThat(Commands.complete(storage, f.ctx, List.of("--content", "iso,"))).containsExactly("iso,backup", "iso,images",
                "iso,rootdir", "iso,snippets", "iso,vztmpl");
        assertThat(Commands.complete(storage, f.ctx, List.of("--type", ""))).containsExactly("dir", "lvmthin", "nfs");
        assertThat(Commands.complete(new CreateContainerCommand(), f.ctx, List.of("--features=nesting=1,")))
                .contains("--features=nesting=1,keyctl=1").doesNotContain("--features=nesting=1,nesting=1");
    }

    @Test
    void completesFixedValueSets() {
        assertThat(Commands.complete(new ListVmsCommand(), f.ctx, List.of("--status", ""))).containsExactly("running", "stopped", "template", "new");
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--cpu", ""))).contains("host", "x86-64-v2-AES");
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--ip", ""))).containsExactly("dhcp");
        assertThat(Commands.complete(new CloneVmCommand(), f.ctx, List.of(""))).as("templates are VMs to clone").contains("ubuntu-2404", "9000");
        assertThat(Commands.complete(new ListVmsCommand(), f.ctx, List.of("--tag", ""))).isEmpty();
    }

    @Test
    void completesFlagsOnceTheGuestIsNamed() {
        assertThat(Commands.complete(new MigrateVmCommand(), f.ctx, List.of("old-01", ""))).containsExactly("--to-node");
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--"))).contains("--cores", "--memory", "--template", "--ssh-keys");
        assertThat(f.nextIdCalls.get()).isZero();
    }
}
