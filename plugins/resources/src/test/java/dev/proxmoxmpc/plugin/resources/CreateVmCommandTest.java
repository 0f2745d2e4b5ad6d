package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.resources.view.GuestResult;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateVmCommandTest {
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
    }

    @Test
    void createsVmFromScratchWithTheWireValuesPveStores() {
        CommandResult r = f.run("create vm --name db-01 --cores 8 --memory 16384 --storage local-lvm --disk 64G"
                + " --disk scsi1=local-lvm:200,ssd=1,discard=on,iothread=1 --net bridge=vmbr0,tag=10,firewall=1"
                + " --tags Web,prod,web --onboot --agent --description 'main db' --pool prod");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        Guest vm = f.desired(101);
        assertThat(vm.config()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("name", "db-01"), Map.entry("cores", "8"), Map.entry("sockets", "1"), Map.entry("memory", "16384"),
                Map.entry("cpu", "x86-64-v2-AES"), Map.entry("scsihw", "virtio-scsi-single"), Map.entry("ostype", "l26"),
                Map.entry("scsi0", "local-lvm:64,size=64G"),
                Map.entry("scsi1", "local-lvm:200,discard=on,iothread=1,size=200G,ssd=1"),
                Map.entry("net0", "virtio,bridge=vmbr0,firewall=1,tag=10"),
                Map.entry("tags", "prod;web"), Map.entry("onboot", "1"), Map.entry("agent", "1"), Map.entry("description", "main db")));
        assertThat(vm.node()).isEqualTo("pve1");
        assertThat(vm.pool()).isEqualTo("prod");
        assertThat(vm.status()).isEqualTo(PowerState.STOPPED);
        assertThat(f.nextIdCalls.get()).isEqualTo(1);
    }

    @Test
    void defaultsGiveOneDiskOnLocalLvmAndOneVirtioNicOnVmbr0() {
        f.run("create vm --name app-01 --start");

        Guest vm = f.desired(101);
        assertThat(vm.config()).containsEntry("scsi0", "local-lvm:32,iothread=1,size=32G")
                .containsEntry("net0", "virtio,bridge=vmbr0").containsEntry("cores", "1").containsEntry("memory", "2048");
        assertThat(vm.status()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void clonesATemplateByNameWithCloudInit() throws Exception {
        Files.writeString(root.resolve("keys.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG ops@laptop\n\nssh-rsa AAAAB3Nza+/= x\n");

        CommandResult r = f.run("create vm --name web-01 --cores 4 --memory 8G --template ubuntu-2404"
                + " --ip 10.0.0.5/24,gw=10.0.0.1 --ci-user ops --ssh-keys keys.pub --nameserver 1.1.1.1,9.9.9.9");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).config()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("name", "web-01"), Map.entry("cores", "4"), Map.entry("memory", "8192"),
                Map.entry("scsihw", "virtio-scsi-single"), Map.entry("scsi0", "local-lvm:base-9000-disk-0,iothread=1,size=8G"),
                Map.entry("ide2", "local-lvm:vm-9000-cloudinit,media=cdrom"), Map.entry("net0", "virtio,bridge=vmbr0"),
                Map.entry("ostype", "l26"), Map.entry("agent", "1"),
                Map.entry("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1"), Map.entry("ciuser", "ops"),
                Map.entry("sshkeys", "ssh-ed25519%20AAAAC3NzaC1lZDI1NTE5AAAAIG%20ops%40laptop%0Assh-rsa%20AAAAB3Nza%2B%2F%3D%20x%0A"),
                Map.entry("nameserver", "1.1.1.1 9.9.9.9"),
                Map.entry("mpc.clone-from", "9000"), Map.entry("mpc.full-clone", "0")));
        assertThat(((dev.proxmoxmpc.spi.model.VirtualMachine) f.desired(101)).cloudInit().sshKeys()).containsExactly("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG ops@laptop",
                "ssh-rsa AAAAB3Nza+/= x");
    }

    @Test
    void templateByVmidWithStorageIsAFullCloneAndDiskSlotGrows() {
        f.run("create vm --name big-01 --template 9000 --storage local-lvm --disk scsi0=20G --node pve2");

        Guest vm = f.desired(101);
        assertThat(vm.node()).isEqualTo("pve2");
        assertThat(vm.config()).containsEntry("scsi0", "local-lvm:base-9000-disk-0,iothread=1,size=20G")
                .containsEntry("mpc.full-clone", "1").containsEntry("mpc.clone-storage", "local-lvm");
    }

    @Test
    void aCloneKeepsTheTemplatesTagsAndDescriptionUnlessGivenOthers() {
        dev.proxmoxmpc.spi.model.Inventory desired = f.desired();
        Map<String, String> tagged = new java.util.TreeMap<>(f.desired(9000).config());
        tagged.put("tags", "base;ubuntu");
        tagged.put("description", "Ubuntu 24.04 cloud image");
        f.state.save(dev.proxmoxmpc.spi.state.StateKind.DESIRED, desired.withGuest(f.desired(9000).withConfig(tagged)));

        f.run("create vm --name kept-01 --template 9000");
        f.run("create vm --name own-01 --template 9000 --tags web --description 'front end'");

        Guest kept = f.desired().guests().stream().filter(g -> g.name().equals("kept-01")).findFirst().orElseThrow();
        assertThat(kept.config()).containsEntry("tags", "base;ubuntu").containsEntry("description", "Ubuntu 24.04 cloud image")
                .doesNotContainKey("template");
        Guest own = f.desired().guests().stream().filter(g -> g.name().equals("own-01")).findFirst().orElseThrow();
        assertThat(own.config()).containsEntry("tags", "web").containsEntry("description", "front end");
    }

    @Test
    void isoGoesToIde2AndTheCloudInitDriveToIde0() {
        f.run("create vm --name inst-01 --iso local:iso/debian-12.8.0-amd64-netinst.iso --ip dhcp");

        assertThat(f.desired(101).config()).containsEntry("ide2", "local:iso/debian-12.8.0-amd64-netinst.iso,media=cdrom")
                .containsEntry("ide0", "local-lvm:cloudinit,media=cdrom").containsEntry("ipconfig0", "ip=dhcp");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--name x --node pve9 | unknown node 'pve9'",
            "--name x --memory 8 | --memory must be at least 16 MiB, got 8",
            "--name old-01 | a guest named 'old-01' already exists (vm 100)",
            "--name ../x | --name '../x' is not a valid DNS name",
            "--name x --template debian-13 | unknown template 'debian-13'",
            "--name x --storage ceph | unknown storage 'ceph'",
            "--name x --storage local | storage 'local' does not hold images",
            "--name x --net bridge=vmbr7 | bridge 'vmbr7' does not exist on node pve1",
            "--name x --node pve2 --net bridge=vmbr1 | bridge 'vmbr1' does not exist on node pve2",
            "--name x --tags 'bad tag!' | tag 'tag!' is not allowed",
            "--name x --vmid 100 | VMID 100 is already used by old-01",
            "--name x --vmid 42 | --vmid must be between 100 and 999999999, got 42",
            "--name x --cores 8 --sockets 4 | 32 vCPUs (4 sockets x 8 cores) exceed the 16 CPUs of node pve1",
            "--name x --ip 10.0.0.300/24 | is not an IPv4 address with prefix length",
            "--name x --disk scsi1=local-lvm:10,turbo=1 | --disk: unknown option 'turbo'",
            "--name x --disk virtio0=10G,ssd=1 | ssd emulation is not available on virtio disks",
            "--name x --pool dev | unknown pool 'dev'",
            "--name x --memory 4096 --balloon 8192 | cannot exceed --memory",
            "--name x --ssh-keys nope.pub | --ssh-keys: cannot read 'nope.pub'",
            "--cores 2 | missing --name",
            "--name x --corse 2 | unknown option --corse; did you mean --cores?"})
    void refusesBadValuesWithOneLineAndStoresNothing(String options, String message) {
        Inventory before = f.desired();

        CommandResult r = f.run("create vm " + options);

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains(message).doesNotContain("\n");
        assertThat(f.desired()).isEqualTo(before);
        assertThat(f.nextIdCalls.get()).isZero();
        assertThat(f.state.auditEntries(10)).isEmpty();
    }

    @Test
    void vmidSkipsIdsOtherDesiredGuestsUse() {
        f.run("create vm --name a-01");
        f.run("create vm --name b-01");

        assertThat(f.desired(101).name()).isEqualTo("a-01");
        assertThat(f.desired(102).name()).isEqualTo("b-01");
    }

    @Test
    void fallsBackToTheSmallestFreeLocalVmidWhenTheServerIsUnreachable() {
        f.nextId.set(-1);

        CommandResult r = f.run("create vm --name a-01");

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).name()).isEqualTo("a-01");
        assertThat(f.console.errors()).contains("server not reachable (connection refused: 127.0.0.1:8006); VMID 101 chosen from the local state");
    }

    @Test
    void givenVmidIsUsedWithoutAskingTheServer() {
        f.run("create vm --name a-01 --vmid 555");

        assertThat(f.desired(555).name()).isEqualTo("a-01");
        assertThat(f.nextIdCalls.get()).isZero();
    }

    @Test
    void jsonPrintsTheResultRecord() {
        f.console.jsonRequested(true);

        f.run("create vm --name a-01 --cores 2");

        assertThat(f.console.jsonValues()).singleElement().isInstanceOfSatisfying(GuestResult.class, g -> {
            assertThat(g.action()).isEqualTo("create");
            assertThat(g.vmid()).isEqualTo(101);
            assertThat(g.config()).containsEntry("cores", "2");
            assertThat(g.changes()).anySatisfy(c -> assertThat(c.describe()).isEqualTo("+ cores = 2"));
        });
    }

    @Test
    void recordsAnAuditEntryAndSaysWhatComesNext() {
        f.run("create vm --name a-01");

        assertThat(f.state.auditEntries(1)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("create vm");
            assertThat(e.target()).isEqualTo("vm/101");
        });
        assertThat(f.console.output()).contains("Desired: new vm 101 a-01 on pve1").contains("/plan");
    }
}
