package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateContainerCommandTest {
    private static final String DEBIAN = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
    }

    @Test
    void createsAContainerWithTheWireValuesPveStores() throws Exception {
        Files.writeString(root.resolve("k.pub"), "ssh-ed25519 AAAAC3Nz ops@x\n");

        CommandResult r = f.run("create container --hostname web-ct --ostemplate " + DEBIAN + " --cores 2 --memory 1024 --swap 256"
                + " --rootfs local-lvm:16 --mp /data=local-lvm:32,backup=1 --unprivileged --features nesting=1,keyctl=yes"
                + " --net name=eth0,bridge=vmbr0,ip=10.0.0.7/24,gw=10.0.0.1,tag=20 --password-env WEB_CT_PW --ssh-keys k.pub"
                + " --nameserver 10.0.0.1 --searchdomain lab.example --onboot --tags ct");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        Container ct = (Container) f.desired(101);
        assertThat(ct.config()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("hostname", "web-ct"), Map.entry("ostemplate", DEBIAN), Map.entry("arch", "amd64"), Map.entry("ostype", "debian"),
                Map.entry("cores", "2"), Map.entry("memory", "1024"), Map.entry("swap", "256"),
                Map.entry("rootfs", "local-lvm:16,size=16G"), Map.entry("mp0", "local-lvm:32,mp=/data,backup=1,size=32G"),
                Map.entry("unprivileged", "1"), Map.entry("features", "keyctl=1,nesting=1"),
                Map.entry("net0", "name=eth0,bridge=vmbr0,gw=10.0.0.1,ip=10.0.0.7/24,tag=20,type=veth"),
                Map.entry("mpc.password-env", "WEB_CT_PW"), Map.entry("ssh-public-keys", "ssh-ed25519 AAAAC3Nz ops@x\n"),
                Map.entry("nameserver", "10.0.0.1"), Map.entry("searchdomain", "lab.example"), Map.entry("onboot", "1"),
                Map.entry("tags", "ct")));
        assertThat(f.console.errors()).contains("WEB_CT_PW is not set now");
        assertThat(f.console.output()).doesNotContain("password=");
    }

    @Test
    void defaultsAreAn8GRootfsAndDhcpOnTheDefaultBridge() {
        f.run("create ct --hostname small --ostemplate local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz");

        assertThat(f.desired(101).config()).containsEntry("rootfs", "local-lvm:8,size=8G")
                .containsEntry("net0", "name=eth0,bridge=vmbr0,ip=dhcp,type=veth").containsEntry("memory", "512")
                .containsEntry("swap", "512").containsEntry("ostype", "alpine").doesNotContainKey("unprivileged");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--hostname -bad- --ostemplate " + DEBIAN + " | --hostname '-bad-' is not a valid DNS name",
            "--hostname ok --ostemplate local:iso/x.iso | --ostemplate must be a volume like",
            "--hostname ok --ostemplate local-lvm:vztmpl/x.tar.zst | storage 'local-lvm' does not hold vztmpl",
            "--hostname ok | missing --ostemplate",
            "--hostname dns-01 --ostemplate " + DEBIAN + " | a guest named 'dns-01' already exists (container 200)",
            "--hostname ok --ostemplate " + DEBIAN + " --memory 15 | --memory must be at least 16 MiB",
            "--hostname ok --ostemplate " + DEBIAN + " --mp local-lvm:4 | --mp must be PATH=STORAGE:GiB",
            "--hostname ok --ostemplate " + DEBIAN + " --mp /../etc=local-lvm:4 | mount path '/../etc' must be absolute",
            "--hostname ok --ostemplate " + DEBIAN + " --rootfs local:8 | storage 'local' does not hold rootdir",
            "--hostname ok --ostemplate " + DEBIAN + " --features turbo=1 | unknown feature 'turbo'",
            "--hostname ok --ostemplate " + DEBIAN + " --net name=eth0,ip=dhcp,gw=10.0.0.1 | a gateway makes no sense",
            "--hostname ok --ostemplate " + DEBIAN + " --password-env 'A B' | --password-env must name an environment variable",
            "--hostname ok --ostemplate " + DEBIAN + " --node pve3 | unknown node 'pve3'"})
    void refusesBadValuesWithOneLineAndStoresNothing(String options, String message) {
        Inventory before = f.desired();

        CommandResult r = f.run("create container " + options);

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains(message).doesNotContain("\n");
        assertThat(f.desired()).isEqualTo(before);
        assertThat(f.nextIdCalls.get()).isZero();
    }
}
