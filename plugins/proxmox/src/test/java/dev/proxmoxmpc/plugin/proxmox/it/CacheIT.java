package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.proxmox.task.TaskWaiter;
import dev.proxmoxmpc.plugin.simulator.ApiToken;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import dev.proxmoxmpc.spi.provider.ReadPolicy;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The response cache against the simulator: what it saves (requests of repeated reads, across sessions as the console
 * opens one per command), what it may show (the old list within its time-to-live), and what it never touches
 * (discovery, changes).
 */
class CacheIT {
    private static final String DEBIAN = "local:iso/debian-12.8.0-amd64-netinst.iso";
    private static final String UBUNTU = "local:iso/ubuntu-24.04.1-live-server-amd64.iso";
    private static final String ALPINE = "local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz";

    private final SimulatorServer server = Simulators.demo();
    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        server.close();
    }

    private ProxmoxSession cached() {
        return Simulators.session(server, cacheDir);
    }

    private static List<String> isos(ProxmoxSession s, ReadPolicy policy) {
        return s.volumes("pve1", "local", "iso", policy).stream().map(Volume::volid).toList();
    }

    private List<String> entries() throws Exception {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Someone else changes the server: a plain session without a cache runs the call and waits for its task. */
    private void elsewhere(String method, String path, Map<String, String> params) {
        try (ProxmoxSession other = Simulators.session(server)) {
            String upid = (method.equals("POST") ? other.client().post(path, params) : other.client().delete(path, params)).asText();
            var outcome = new TaskWaiter(other.client(), Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(20))
                    .await(upid, Progress.NONE);
            assertThat(outcome.ok()).as(outcome.exitStatus()).isTrue();
        }
    }

    @Test
    void aSecondCachedReadMakesNoRequest() throws Exception {
        try (ProxmoxSession s = cached()) {
            assertThat(isos(s, ReadPolicy.CACHED)).containsExactly(DEBIAN, UBUNTU);
            long afterFirst = s.client().requestCount();
            assertThat(afterFirst).isPositive();
            assertThat(isos(s, ReadPolicy.CACHED)).containsExactly(DEBIAN, UBUNTU);
            assertThat(s.client().requestCount()).isEqualTo(afterFirst);
        }
        assertThat(entries()).containsExactly("nodes_pve1_storage_local_content@content=iso.json");
    }

    @Test
    void aNewSessionOnTheSameDirectoryReusesTheAnswers() {
        try (ProxmoxSession first = cached()) {
            first.volumes("pve1", "local", "vztmpl", ReadPolicy.CACHED);
        }
        try (ProxmoxSession next = cached()) {
            List<Volume> templates = next.volumes("pve1", "local", "vztmpl", ReadPolicy.CACHED);
            assertThat(templates).extracting(Volume::file).containsExactly("alpine-3.20-default_20240908_amd64.tar.xz",
                    "debian-12-standard_12.7-1_amd64.tar.zst", "ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
            assertThat(templates).extracting(Volume::format).containsExactly("txz", "tzst", "tzst");
            assertThat(next.volumes("pve1", "local", "vztmpl", ReadPolicy.CACHE_ONLY)).isEqualTo(templates);
            assertThat(next.client().requestCount()).isZero();
        }
    }

    @Test
    void withinTheTtlCachedShowsTheOldListUntilALiveReadRefreshesIt() throws Exception {
        try (ProxmoxSession s = cached()) {
            assertThat(isos(s, ReadPolicy.CACHED)).hasSize(2);
        }
        elsewhere("POST", "/nodes/pve1/storage/local/download-url", Map.of("url", "https://example.org/alpine.iso",
                "content", "iso", "filename", "alpine-virt-3.20.3-x86_64.iso"));
        try (ProxmoxSession s = cached()) {
            assertThat(isos(s, ReadPolicy.CACHED)).as("the cached answer, within its TTL").containsExactly(DEBIAN, UBUNTU);
            assertThat(s.client().requestCount()).isZero();
            assertThat(isos(s, ReadPolicy.LIVE)).containsExactly("local:iso/alpine-virt-3.20.3-x86_64.iso", DEBIAN, UBUNTU);
        }
        try (ProxmoxSession s = cached()) {
            assertThat(isos(s, ReadPolicy.CACHED)).as("the live read refreshed the entry").hasSize(3);
            assertThat(s.client().requestCount()).isZero();
        }
    }

    @Test
    void aDeletedTemplateStaysInTheCachedListButNotInTheLiveOne() {
        try (ProxmoxSession s = cached()) {
            assertThat(s.volumes("pve1", "local", "vztmpl", ReadPolicy.CACHED)).extracting(Volume::volid).contains(ALPINE);
            elsewhere("DELETE", "/nodes/pve1/storage/local/content/" + URLEncoder.encode(ALPINE, StandardCharsets.UTF_8), Map.of());
            assertThat(s.volumes("pve1", "local", "vztmpl", ReadPolicy.CACHED)).extracting(Volume::volid).contains(ALPINE);
            assertThat(s.volumes("pve1", "local", "vztmpl", ReadPolicy.LIVE)).extracting(Volume::volid).doesNotContain(ALPINE);
            assertThat(s.volumes("pve1", "local", "vztmpl", ReadPolicy.CACHE_ONLY)).extracting(Volume::volid).doesNotContain(ALPINE);
        }
    }

    @Test
    void everyChangeEmptiesTheCacheWhetherItSucceedsOrFails() throws Exception {
        try (ProxmoxSession s = cached()) {
            isos(s, ReadPolicy.CACHED);
            ChangeResult ok = s.apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("cores", "3"), List.of(),
                    Map.of(), "~110"), Progress.NONE);
            assertThat(ok.succeeded()).as(ok.message()).isTrue();
            assertThat(entries()).isEmpty();
            assertThat(isos(s, ReadPolicy.CACHE_ONLY)).isEmpty();

            isos(s, ReadPolicy.CACHED);
            ChangeResult failed = s.apply(Change.of(ChangeAction.START, ResourceRef.vm("pve1", 999), "start vm/999"), Progress.NONE);
            assertThat(failed.status()).isEqualTo(ChangeResult.Status.FAILED);
            assertThat(entries()).isEmpty();

            isos(s, ReadPolicy.CACHED);
            List<ChangeResult> all = s.applyAll(List.of(Change.of(ChangeAction.START, ResourceRef.vm("pve2", 110), "start vm/110")),
                    2, Progress.NONE);
            assertThat(all).allMatch(ChangeResult::succeeded);
            assertThat(entries()).isEmpty();

            isos(s, ReadPolicy.CACHED);
            s.forgetCache();
            assertThat(entries()).isEmpty();
        }
    }

    @Test
    void cacheOnlyWithNothingCachedIsEmptyAndAsksNothing() {
        try (ProxmoxSession s = cached()) {
            assertThat(s.volumes("pve1", "local", "iso", ReadPolicy.CACHE_ONLY)).isEmpty();
            assertThat(s.client().requestCount()).isZero();
        }
    }

    @Test
    void anotherEndpointOrIdentityIgnoresTheEntries() {
        try (ProxmoxSession s = cached()) {
            isos(s, ReadPolicy.CACHED);
        }
        try (SimulatorServer second = Simulators.demo(); ProxmoxSession s = Simulators.session(second, cacheDir)) {
            assertThat(isos(s, ReadPolicy.CACHE_ONLY)).isEmpty();
            assertThat(isos(s, ReadPolicy.CACHED)).hasSize(2);
            assertThat(s.client().requestCount()).isPositive();
        }
        Endpoint token = Simulators.endpoint(server);
        Endpoint user = new Endpoint(token.name(), token.url(), "", "", server.username(), server.password(), token.tls(),
                token.timeout(), 2);
        try (ProxmoxSession s = Simulators.session(user, cacheDir)) {
            assertThat(isos(s, ReadPolicy.CACHE_ONLY)).isEmpty();
        }
    }

    @Test
    void aTokenWithoutDatastorePrivilegesGetsOneLineNamingThem() throws Exception {
        ApiToken weak = server.faults().tokenWithoutPrivileges();
        Endpoint e = Simulators.endpoint(server);
        Endpoint endpoint = new Endpoint(e.name(), e.url(), weak.id(), weak.secret(), "", "", e.tls(), e.timeout(), 2);
        try (ProxmoxSession s = Simulators.session(endpoint, cacheDir)) {
            assertThatThrownBy(() -> s.volumes("pve1", "local", "iso", ReadPolicy.CACHED))
                    .isInstanceOfSatisfying(ProviderException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.PERMISSION))
                    .hasMessageContaining("root@pam!noaccess lacks privilege Datastore.Audit or Datastore.AllocateSpace on /storage/local")
                    .hasMessageContaining("pveum acl modify /storage/local --tokens root@pam!noaccess")
                    .hasMessageNotContaining("\n");
        }
        assertThat(entries()).isEmpty();
    }

    @Test
    void discoveryMakesTheSameRequestsWithAFilledCache() throws Exception {
        // One request at a time: in parallel, how many agent calls go out before the first 501 stops them varies.
        Endpoint e = Simulators.endpoint(server);
        Endpoint serial = new Endpoint(e.name(), e.url(), e.tokenId(), e.tokenSecret(), "", "", e.tls(), e.timeout(), 1);
        Inventory plain;
        long plainRequests;
        try (ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(serial)) {
            plain = s.discover(Progress.NONE);
            plainRequests = s.client().requestCount();
        }
        try (ProxmoxSession s = cached()) {
            for (String content : List.of("iso", "vztmpl", "")) {
                s.volumes("pve1", "local", content, ReadPolicy.CACHED);
                s.volumes("pve1", "local-lvm", content, ReadPolicy.CACHED);
            }
        }
        List<String> filled = entries();
        assertThat(filled).hasSize(6);
        byte[] before = Files.readAllBytes(cacheDir.resolve(filled.get(0)));
        try (ProxmoxSession s = Simulators.session(serial, cacheDir)) {
            Inventory again = s.discover(Progress.NONE);
            assertThat(s.client().requestCount()).isEqualTo(plainRequests);
            assertThat(again.guests()).extracting(g -> g.vmid()).containsExactlyInAnyOrderElementsOf(
                    plain.guests().stream().map(g -> g.vmid()).toList());
        }
        // the cached answers are untouched; discovery only adds its own record of the guests' summaries (not an entry)
        assertThat(entries()).filteredOn(name -> !name.equals("_guest-summaries.json")).isEqualTo(filled);
        assertThat(entries()).contains("_guest-summaries.json");
        assertThat(Files.readAllBytes(cacheDir.resolve(filled.get(0)))).isEqualTo(before);
    }
}
