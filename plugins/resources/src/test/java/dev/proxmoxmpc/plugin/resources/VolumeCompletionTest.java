package dev.proxmoxmpc.plugin.resources;

import static dev.proxmoxmpc.plugin.resources.FakeVolumes.DEBIAN_ISO;
import static dev.proxmoxmpc.plugin.resources.FakeVolumes.UBUNTU_ISO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.plugin.resources.command.CreateContainerCommand;
import dev.proxmoxmpc.plugin.resources.command.CreateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.UpdateVmCommand;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --iso} and {@code --ostemplate} complete the files on the node's storages through the provider's cache; a slow
 * or failing read falls back to whatever is cached, and completion never throws or prints.
 */
class VolumeCompletionTest {
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
    }

    @Test
    void listsTheIsoImagesOfTheEnvironmentsNodeFromACachedRead() {
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--iso", ""))).containsExactly(DEBIAN_ISO, UBUNTU_ISO);
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--iso=l"))).containsExactly("--iso=" + DEBIAN_ISO, "--iso=" + UBUNTU_ISO);
        assertThat(f.volumes.reads(ReadPolicy.CACHED)).isEqualTo(2);
        assertThat(f.volumes.reads(ReadPolicy.LIVE)).isZero();
    }

    @Test
    void listsContainerTemplatesSorted() {
        assertThat(Commands.complete(new CreateContainerCommand(), f.ctx, List.of("--hostname", "ct-01", "--ostemplate", "")))
                .containsExactly("local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz",
                        "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst",
                        "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
    }

    @Test
    void listsEveryStorageThatHoldsTheContentOnTheNodeGiven() {
        f.run("create storage --name isos --type dir --path /srv/iso --content iso --nodes pve2");
        f.volumes.onServer("pve2", DEBIAN_ISO, "isos:iso/rescue.iso", "isos:vztmpl/other.tar.zst");
        f.volumes.onServer("pve1", UBUNTU_ISO, "isos:iso/not-on-pve1.iso");

        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--node", "pve2", "--iso", "")))
                .containsExactly("isos:iso/rescue.iso", DEBIAN_ISO);
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--iso", ""))).as("pve1, where isos is not available")
                .containsExactly(UBUNTU_ISO);
    }

    @Test
    void updateListsTheIsoImagesOfTheVmsNode() {
        f.run("create vm --name b-01 --node pve2");

        assertThat(Commands.complete(new UpdateVmCommand(), f.ctx, List.of("b-01", "--iso", ""))).containsExactly(DEBIAN_ISO);
        assertThat(Commands.complete(new UpdateVmCommand(), f.ctx, List.of("old-01", "--iso", ""))).containsExactly(DEBIAN_ISO, UBUNTU_ISO);
    }

    @Test
    void takesWhatIsCachedWhenTheCachedReadTakesTooLong() {
        f.volumes.cached("pve1", "local", DEBIAN_ISO);
        CountDownLatch slowServer = new CountDownLatch(1);
        f.volumes.holdCachedReads(slowServer);
        try {
            assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--iso", ""))).containsExactly(DEBIAN_ISO);
            assertThat(f.volumes.reads(ReadPolicy.CACHE_ONLY)).isEqualTo(1);
        } finally {
            slowServer.countDown();
        }
    }

    @Test
    void takesWhatIsCachedWhenTheServerIsUnreachable() {
        f.nextId.set(-1);
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--iso", ""))).isEmpty();

        f.volumes.cached("pve1", "local", UBUNTU_ISO);
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--iso", ""))).containsExactly(UBUNTU_ISO);
        assertThat(f.volumes.reads(ReadPolicy.CACHE_ONLY)).as("after the failed cached read").isEqualTo(1);
    }

    @Test
    void offersNothingWhenNothingCanBeReadAndNeverPrints() {
        f.volumes.unsupported();
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--iso", ""))).isEmpty();

        f.noProvider = true;
        assertThat(Commands.complete(new CreateContainerCommand(), f.ctx, List.of("--ostemplate", ""))).isEmpty();
        assertThat(f.console.errors()).isEmpty();
        assertThat(f.console.output()).isEmpty();
    }

    @Test
    void anUnknownNodeCompletesNothing() {
        assertThat(Commands.complete(new CreateVmCommand(), f.ctx, List.of("--node", "pve9", "--iso", ""))).isEmpty();
        assertThat(f.volumes.reads(ReadPolicy.CACHED) + f.volumes.reads(ReadPolicy.CACHE_ONLY)).isZero();
    }
}
