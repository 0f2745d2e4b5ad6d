package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** update, scale, migrate, clone, delete: each changes only the desired state, and refuses bad values. */
class ChangeCommandsTest {
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndKeepsTheMac() {
        CommandResult r = f.run("update vm old-01 --memory 8192 --net net0=bridge=vmbr1,tag=30 --disk scsi0=32G,ssd=1 --tags b,a"
                + " --start=0 --protection");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        Guest vm = f.desired(100);
        assertThat(vm.config()).containsEntry("memory", "8192")
                .containsEntry("net0", "virtio=BC:24:11:AA:00:02,bridge=vmbr1,tag=30")
                .containsEntry("scsi0", "local-lvm:vm-100-disk-0,size=32G,ssd=1").containsEntry("tags", "a;b")
                .containsEntry("protection", "1").containsEntry("cores", "2");
        assertThat(vm.status()).isEqualTo(PowerState.STOPPED);
        assertThat(f.console.output()).contains("~ memory: 4096 -> 8192").contains("~ status: running -> stopped");
    }

    @Test
    void updateWithNothingNewChangesNothing() {
        f.run("update vm 100 --cores 2");

        assertThat(f.console.output()).contains("Nothing to change");
        assertThat(f.state.auditEntries(5)).isEmpty();
    }

    @Test
    void updateContainerResizesRootfsAndAddsAMountPoint() {
        f.run("update container dns-01 --rootfs 12G --mp /srv=local-lvm:4 --memory 1G");

        assertThat(f.desired(200).config()).containsEntry("rootfs", "local-lvm:vm-200-disk-0,size=12G")
                .containsEntry("mp0", "local-lvm:4,mp=/srv,size=4G").containsEntry("memory", "1024");
    }

    @Test
    void updateContainerNicKeepsNameAndMacAddress() {
        f.run("update container dns-01 --net net0=bridge=vmbr1,ip=10.0.0.53/24,gw=10.0.0.1");

        assertThat(f.desired(200).config()).containsEntry("net0",
                "name=eth0,bridge=vmbr1,gw=10.0.0.1,hwaddr=BC:24:11:AA:00:03,ip=10.0.0.53/24,type=veth");
    }

    @Test
    void updateAddsANicAndADiskInTheNextFreeSlots() {
        f.run("update vm old-01 --net bridge=vmbr1,model=e1000 --disk 100G");

        assertThat(f.desired(100).config()).containsEntry("net1", "e1000,bridge=vmbr1").containsEntry("scsi1", "local-lvm:100,size=100G");
    }

    @Test
    void anIsoNeverReplacesTheCloudInitDrive() {
        f.run("create vm --name web-01 --template ubuntu-2404");

        f.run("update vm web-01 --iso local:iso/ubuntu-24.04.1-live-server-amd64.iso");

        assertThat(f.desired(101).config()).containsEntry("ide2", "local-lvm:vm-9000-cloudinit,media=cdrom")
                .containsEntry("ide0", "local:iso/ubuntu-24.04.1-live-server-amd64.iso,media=cdrom");
    }

    @Test
    void scaleSetsCoresAndMemory() {
        f.run("scale vm old-01 --cores 4 --memory 16G");
        f.run("scale container 200 --cores 2");

        assertThat(f.desired(100).config()).containsEntry("cores", "4").containsEntry("memory", "16384");
        assertThat(f.desired(200).config()).containsEntry("cores", "2");
    }

    @Test
    void migrateMovesTheGuestToTheOtherNode() {
        CommandResult r = f.run("migrate vm old-01 --to-node pve2");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(100).node()).isEqualTo("pve2");
        assertThat(f.desired(100).config()).isEqualTo(Fixture.inventory().guest(100).orElseThrow().config());
    }

    @Test
    void cloneOfAVmIsAFullCopyWithoutMacs() {
        CommandResult r = f.run("clone vm old-01 --name old-02");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        Guest clone = f.desired(101);
        assertThat(clone.name()).isEqualTo("old-02");
        assertThat(clone.config()).containsEntry("mpc.clone-from", "100").containsEntry("mpc.full-clone", "1")
                .containsEntry("net0", "virtio,bridge=vmbr0").containsEntry("scsi0", "local-lvm:vm-100-disk-0,size=16G");
        assertThat(clone.status()).isEqualTo(PowerState.STOPPED);
        assertThat(f.console.output()).contains("full copy: only a template can be cloned linked");
    }

    @Test
    void cloneOfATemplateIsLinkedUnlessFull() {
        f.run("clone vm ubuntu-2404 --name t-01");
        f.run("clone vm 9000 --name t-02 --full");

        assertThat(f.desired(101).config()).containsEntry("mpc.full-clone", "0").doesNotContainKeys("template", "meta", "vmgenid", "smbios1");
        assertThat(f.desired(102).config()).containsEntry("mpc.full-clone", "1");
    }

    @Test
    void deleteInBatchModeWithoutYesChangesNothing() {
        Inventory before = f.desired();

        CommandResult r = f.run("delete vm old-01");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).contains("not deleted");
        assertThat(f.desired()).isEqualTo(before);
        assertThat(f.console.output()).contains("member of pool prod").contains("running: /apply stops it");
    }

    @Test
    void deleteWithYesRemovesTheGuest() {
        f.console.yes(true);

        f.run("delete vm 100");

        assertThat(f.desired().guest(100)).isEmpty();
        assertThat(f.console.output()).contains("Desired: vm 100 old-01 removed");
    }

    @Test
    void deletingATemplateShowsTheClonesMadeFromIt() {
        f.run("create vm --name web-01 --template ubuntu-2404");
        f.console.answers("n");

        f.run("delete vm ubuntu-2404");

        assertThat(f.console.output()).contains("to be cloned from it by /apply: 101 web-01");
        assertThat(f.desired().guest(9000)).isPresent();
    }

    @Test
    void protectedGuestIsNotDeleted() {
        f.run("update vm old-01 --protection");
        f.console.yes(true);

        CommandResult r = f.run("delete vm old-01");

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains("is protected; remove the protection first: update vm 100 --protection=0");
        assertThat(f.desired().guest(100)).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "update vm nope --cores 2 | no vm 'nope' in the desired state",
            "update vm old-1 --cores 2 | did you mean old-01?",
            "update vm 1000 --cores 2 | no vm '1000' in the desired state; did you mean 100 (old-01)?",
            "update vm dns-01 --cores 2 | no vm 'dns-01' in the desired state; 'dns-01' is a container",
            "describe container 100 | no container '100' in the desired state or on the server; '100' is a vm",
            "scale vm 7 --cores 2 | no vm '7' in the desired state; see list vms",
            "update vm old-01 --name ubuntu-2404 | a guest named 'ubuntu-2404' already exists (vm 9000)",
            "update vm old-01 --disk scsi0=8G | would shrink from 16G to 8G",
            "update vm old-01 --node pve2 | migrate vm old-01 --to-node NODE",
            "update container dns-01 --unprivileged=0 | --unprivileged cannot change",
            "scale vm old-01 --memory 10 | --memory must be at least 16 MiB",
            "scale vm old-01 --cores 17 | exceed the 16 CPUs of node pve1",
            "scale vm old-01 | nothing to scale",
            "migrate vm old-01 --to-node pve3 | unknown node 'pve3'",
            "migrate vm old-01 --to-node pve1 | already on pve1",
            "migrate vm ubuntu-2404 --to-node pve2 --json | --json",
            "clone vm old-01 --name dns-01 | a guest named 'dns-01' already exists",
            "clone vm nothing --name x | no vm 'nothing'",
            "delete container old-01 --yes | no container 'old-01'"})
    void refusesBadValuesWithOneLineAndStoresNothing(String line, String message) {
        Inventory before = f.desired();

        CommandResult r = f.run(line);

        if (message.equals("--json")) {
            assertThat(r.succeeded()).isTrue();
            return;
        }
        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains(message).doesNotContain("\n");
        assertThat(f.desired()).isEqualTo(before);
    }

    @Test
    void migrateRefusesABridgeTheTargetNodeLacks() {
        f.run("update vm old-01 --net net0=bridge=vmbr1");
        Inventory before = f.desired();

        CommandResult r = f.run("migrate vm old-01 --to-node pve2");

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains("bridge 'vmbr1' does not exist on node pve2");
        assertThat(f.desired()).isEqualTo(before);
    }
}
