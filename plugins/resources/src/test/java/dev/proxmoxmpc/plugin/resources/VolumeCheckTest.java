package dev.proxmoxmpc.plugin.resources;

import static dev.proxmoxmpc.plugin.resources.FakeVolumes.DEBIAN_CT;
import static dev.proxmoxmpc.plugin.resources.FakeVolumes.DEBIAN_ISO;
import static dev.proxmoxmpc.plugin.resources.FakeVolumes.UBUNTU_ISO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code create vm --iso}, {@code update vm --iso} and {@code create container --ostemplate} ask the provider whether
 * the file is on its storage on the guest's node: a cached listing may say yes, only a live one may say no, and a
 * server that cannot be asked only warns.
 */
class VolumeCheckTest {
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
    }

    @Test
    void aCachedListingThatHoldsTheFileIsEnough() {
        f.volumes.onServer("pve1");
        f.volumes.cached("pve1", "local", DEBIAN_ISO);

        CommandResult r = f.run("create vm --name inst-01 --iso " + DEBIAN_ISO);

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).config()).containsEntry("ide2", DEBIAN_ISO + ",media=cdrom");
        assertThat(f.volumes.reads(ReadPolicy.CACHED)).isEqualTo(1);
        assertThat(f.volumes.reads(ReadPolicy.LIVE)).isZero();
        assertThat(f.console.errors()).isEmpty();
    }

    @Test
    void aCachedListingWithoutTheFileIsAskedAgainLive() {
        f.volumes.cached("pve1", "local", UBUNTU_ISO);

        CommandResult r = f.run("create vm --name inst-01 --iso " + DEBIAN_ISO);

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).config()).containsEntry("ide2", DEBIAN_ISO + ",media=cdrom");
        assertThat(f.volumes.reads(ReadPolicy.LIVE)).isEqualTo(1);
    }

    @Test
    void refusesAFileNoListingHoldsWithOneLineAndStoresNothing() {
        Inventory before = f.desired();

        CommandResult r = f.run("create vm --name inst-01 --iso local:iso/debian-12.8-amd64-netinst.iso");

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains("local:iso/debian-12.8-amd64-netinst.iso is not on storage local (node pve1);"
                + " ISO images there: debian-12.8.0-amd64-netinst.iso, ubuntu-24.04.1-live-server-amd64.iso"
                + " (did you mean debian-12.8.0-amd64-netinst.iso?);"
                + " upload it first (web UI: pve1 > local > ISO Images > Upload or Download from URL)").doesNotContain("\n");
        assertThat(f.volumes.reads(ReadPolicy.CACHED)).isEqualTo(1);
        assertThat(f.volumes.reads(ReadPolicy.LIVE)).isEqualTo(1);
        assertThat(f.desired()).isEqualTo(before);
        assertThat(f.nextIdCalls.get()).isZero();
        assertThat(f.state.auditEntries(10)).isEmpty();
    }

    @Test
    void saysNoneWhenTheStorageHoldsNoSuchFileOnTheNode() {
        CommandResult r = f.run("create ct --hostname ct-01 --ostemplate " + DEBIAN_CT + " --node pve2");

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).contains(DEBIAN_CT + " is not on storage local (node pve2); container templates there: none;"
                + " download it first (on pve2: pveam download local debian-12-standard_12.7-1_amd64.tar.zst,"
                + " or the web UI's CT Templates)");
    }

    @Test
    void countsTheFilesBeyondTheFirstEight() {
        f.volumes.onServer("pve1", IntStream.rangeClosed(1, 11).mapToObj(i -> "local:iso/image-" + (char) ('a' + i) + ".iso")
                .toArray(String[]::new));

        f.run("create vm --name inst-01 --iso " + DEBIAN_ISO);

        assertThat(f.console.errors()).contains("ISO images there: image-b.iso, image-c.iso, image-d.iso, image-e.iso, image-f.iso,"
                + " image-g.iso, image-h.iso, image-i.iso and 3 more; upload it first");
    }

    @Test
    void anUnreachableServerOnlyWarns() {
        f.nextId.set(-1);

        CommandResult r = f.run("create vm --name inst-01 --iso local:iso/missing.iso");

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).config()).containsEntry("ide2", "local:iso/missing.iso,media=cdrom");
        assertThat(f.console.errors()).contains("warning: could not check that local:iso/missing.iso is on storage local (node pve1):"
                + " connection refused: 127.0.0.1:8006; /apply will fail if it is missing");
    }

    @Test
    void aProviderThatCannotListContentOnlyWarns() {
        f.volumes.unsupported();

        CommandResult r = f.run("create ct --hostname ct-01 --ostemplate " + DEBIAN_CT);

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).config()).containsEntry("ostemplate", DEBIAN_CT);
        assertThat(f.console.errors()).contains("could not check that " + DEBIAN_CT + " is on storage local (node pve1):"
                + " this provider cannot list storage content; /apply will fail if it is missing");
    }

    @Test
    void noProviderOnlyWarns() {
        f.noProvider = true;

        CommandResult r = f.run("create vm --name inst-01 --iso " + DEBIAN_ISO);

        assertThat(r.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.console.errors()).contains("could not check that " + DEBIAN_ISO + " is on storage local (node pve1): no secret"
                + " for environment 'default'");
    }

    @Test
    void updateVmChecksTheIsoOnTheVmsNode() {
        f.run("create vm --name b-01 --node pve2");

        assertThat(f.run("update vm b-01 --iso " + DEBIAN_ISO).exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        Inventory before = f.desired();
        CommandResult refused = f.run("update vm b-01 --iso " + UBUNTU_ISO);

        assertThat(f.desired(101).config()).containsEntry("ide2", DEBIAN_ISO + ",media=cdrom");
        assertThat(refused.succeeded()).isFalse();
        assertThat(f.console.errors()).contains(UBUNTU_ISO + " is not on storage local (node pve2); ISO images there: "
                + "debian-12.8.0-amd64-netinst.iso;");
        assertThat(f.desired()).isEqualTo(before);
    }

    @Test
    void createContainerChecksTheTemplateLiveWhenTheCacheLacksIt() {
        f.volumes.cached("pve1", "local");

        CommandResult ok = f.run("create ct --hostname ct-01 --ostemplate " + DEBIAN_CT);
        CommandResult refused = f.run("create ct --hostname ct-02 --ostemplate local:vztmpl/debian-12-standard_12.7-1_amd64.tar.gz");

        assertThat(ok.exitCode()).as(f.console.errors()).isEqualTo(ExitCode.OK);
        assertThat(f.desired(101).config()).containsEntry("ostemplate", DEBIAN_CT);
        assertThat(refused.succeeded()).isFalse();
        assertThat(f.console.errors()).contains("container templates there: alpine-3.20-default_20240908_amd64.tar.xz,"
                + " debian-12-standard_12.7-1_amd64.tar.zst, ubuntu-24.04-standard_24.04-2_amd64.tar.zst"
                + " (did you mean debian-12-standard_12.7-1_amd64.tar.zst?)");
        assertThat(f.volumes.reads(ReadPolicy.LIVE)).as("the cache lacked it, then the refusal").isEqualTo(2);
    }
}
