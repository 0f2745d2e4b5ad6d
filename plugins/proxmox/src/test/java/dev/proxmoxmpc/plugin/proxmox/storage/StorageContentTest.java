package dev.proxmoxmpc.plugin.proxmox.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.proxmox.Endpoints;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageContentTest {
    private static final String PATH = "/nodes/pve1/storage/local/content";
    private final FakePve pve = FakePve.start();
    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        pve.close();
    }

    private ProxmoxSession session() {
        return (ProxmoxSession) new ProxmoxProvider().connect(Endpoints.token(pve.url(), pve.fingerprint()), cacheDir);
    }

    @Test
    void mapsRowsSortedByVolumeId() {
        pve.data("GET", PATH, """
                [{"volid":"local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst","content":"vztmpl","format":"tzst",
                  "size":125829120,"ctime":1764115200},
                 {"volid":"local:backup/vzdump-qemu-102-2026_11_25-01_00_00.vma.zst","content":"backup","format":"vma.zst",
                  "approximate-size":1048576,"vmid":102,"subtype":"qemu","ctime":"1764032400"},
                 {"volid":"local:iso/alpine.iso","content":"iso","format":"iso"},
                 {"content":"iso","format":"iso","size":3}]""");
        List<Volume> volumes = session().volumes("pve1", "local", "", ReadPolicy.LIVE);
        assertThat(volumes).extracting(Volume::volid).containsExactly(
                "local:backup/vzdump-qemu-102-2026_11_25-01_00_00.vma.zst", "local:iso/alpine.iso",
                "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
        assertThat(volumes.get(0)).isEqualTo(new Volume("local:backup/vzdump-qemu-102-2026_11_25-01_00_00.vma.zst", "backup",
                "vma.zst", 1048576, 102, Instant.ofEpochSecond(1764032400)));
        assertThat(volumes.get(1)).isEqualTo(new Volume("local:iso/alpine.iso", "iso", "iso", 0, 0, Instant.EPOCH));
        assertThat(volumes.get(2).sizeBytes()).isEqualTo(125829120);
        assertThat(volumes.get(2).created()).isEqualTo(Instant.ofEpochSecond(1764115200));
    }

    @Test
    void sendsTheContentFilterOnlyWhenGiven() {
        pve.data("GET", PATH, "[]");
        ProxmoxSession s = session();
        s.volumes("pve1", "local", "iso", ReadPolicy.LIVE);
        s.volumes("pve1", "local", "", ReadPolicy.LIVE);
        assertThat(pve.requests("GET", PATH)).extracting(FakePve.Request::params)
                .containsExactly(Map.of("content", "iso"), Map.of());
    }

    @Test
    void refusesMalformedIdsBeforeAnyRequest() {
        ProxmoxSession s = session();
        assertThatThrownBy(() -> s.volumes("../pve1", "local", "iso", ReadPolicy.CACHED))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
                .hasMessage("invalid node name '../pve1': expected letters, digits and inner hyphens, e.g. pve1");
        assertThatThrownBy(() -> s.volumes("pve1", "local/../x", "iso", ReadPolicy.LIVE))
                .hasMessageStartingWith("invalid storage id 'local/../x'");
        assertThatThrownBy(() -> s.volumes("pve1", "local\nlvm", "", ReadPolicy.LIVE))
                .hasMessageStartingWith("invalid storage id 'local?lvm'").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> s.volumes("pve1", "local", "iso&vmid=1", ReadPolicy.LIVE))
                .hasMessageStartingWith("invalid content type 'iso&vmid=1': expected one of backup, images, import, iso,");
        assertThatThrownBy(() -> s.volumes("-pve1", "local", "", ReadPolicy.LIVE)).hasMessageContaining("node name");
        assertThatThrownBy(() -> s.volumes("pve1", "1local", "", ReadPolicy.LIVE)).hasMessageContaining("storage id");
        assertThat(s.client().requestCount()).isZero();
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void aPermissionErrorNamesBothPrivilegesTheCheckAccepts() {
        pve.on("GET", PATH, r -> FakePve.Response.error(403,
                "Permission check failed (/storage/local, Datastore.Audit|Datastore.AllocateSpace)\n"));
        assertThatThrownBy(() -> session().volumes("pve1", "local", "iso", ReadPolicy.CACHED))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMISSION))
                .hasMessage("permission denied: root@pam!mpc lacks privilege Datastore.Audit or Datastore.AllocateSpace"
                        + " on /storage/local (GET " + PATH + "); grant one of them, e.g. 'pveum acl modify /storage/local"
                        + " --tokens root@pam!mpc --roles <a role with Datastore.Audit>'");
    }

    @Test
    void aSessionWithoutACacheAsksForCachedReadsAndHasNothingForCacheOnly() {
        pve.data("GET", PATH, "[{\"volid\":\"local:iso/a.iso\",\"content\":\"iso\"}]");
        ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(Endpoints.token(pve.url(), pve.fingerprint()));
        assertThat(s.volumes("pve1", "local", "iso", ReadPolicy.CACHED)).hasSize(1);
        assertThat(s.volumes("pve1", "local", "iso", ReadPolicy.CACHED)).hasSize(1);
        assertThat(s.volumes("pve1", "local", "iso", ReadPolicy.CACHE_ONLY)).isEmpty();
        assertThat(pve.requests("GET", PATH)).hasSize(2);
        s.forgetCache();
    }
}
