package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.ApiToken;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each error path against the simulator: one actionable line, the right kind, a failed change where the server refused. */
class ErrorPathsIT {
    private final SimulatorServer server = Simulators.demo();
    private final ProxmoxSession session = Simulators.session(server);

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    @Test
    void aTokenWithoutPrivilegesGetsA403NamingThePrivilegeAndPath() {
        ApiToken weak = server.faults().tokenWithoutPrivileges();
        Endpoint e = Simulators.endpoint(server);
        ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(new Endpoint(e.name(), e.url(), weak.id(), weak.secret(),
                "", "", e.tls(), e.timeout(), 2));
        assertThatThrownBy(() -> s.client().get("/nodes/pve1/qemu/100/config"))
                .isInstanceOfSatisfying(ProviderException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.PERMISSION))
                .hasMessageContaining("root@pam!noaccess lacks privilege VM.Audit on /vms/100")
                .hasMessageNotContaining("\n");
        ChangeResult r = s.apply(Change.of(ChangeAction.START, ResourceRef.vm("pve2", 110), "start"), Progress.NONE);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("lacks privilege VM.PowerMgmt on /vms/110");
        assertThatThrownBy(() -> s.discover(Progress.NONE))
                .isInstanceOfSatisfying(ProviderException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.PERMISSION))
                .hasMessageContaining("root@pam!noaccess").hasMessageContaining("Sys.Audit");
    }

    @Test
    void aBadTokenSecretIsAnAuthenticationError() {
        Endpoint e = Simulators.endpoint(server);
        ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(new Endpoint(e.name(), e.url(), e.tokenId(),
                "00000000-0000-0000-0000-000000000000", "", "", e.tls(), e.timeout(), 2));
        assertThatThrownBy(s::probe).isInstanceOfSatisfying(ProviderException.class,
                ex -> assertThat(ex.kind()).isEqualTo(Kind.AUTHENTICATION)).hasMessageContaining("root@pam!mpc");
    }

    @Test
    void ticketAuthWorksForReadsAndWrites() {
        Endpoint e = Simulators.endpoint(server);
        ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(new Endpoint(e.name(), e.url(), "", "",
                server.username(), server.password(), e.tls(), e.timeout(), 2));
        ServerInfo info = s.probe();
        assertThat(info.identity()).isEqualTo("root@pam");
        assertThat(info.nodes()).containsExactly("pve1", "pve2", "pve3");
        ChangeResult r = s.apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("cores", "3"), List.of(),
                Map.of(), "~110"), Progress.NONE);
        assertThat(r.succeeded()).as(r.message()).isTrue();
    }

    @Test
    void aFailedTaskGivesItsExitStatusAndLogTail() {
        server.faults().failNextTask("qmstart", "start failed: QEMU exited with code 1");
        ChangeResult r = session.apply(Change.of(ChangeAction.START, ResourceRef.vm("pve2", 110), "start vm/110"), Progress.NONE);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).isEqualTo("start vm/110 failed: start failed: QEMU exited with code 1");
        assertThat(r.taskId()).contains(":qmstart:110:");
        assertThat(r.logTail()).isNotEmpty().last().asString().contains("TASK ERROR");
    }

    @Test
    void anUnknownVmidIsNotFound() {
        ChangeResult r = session.apply(Change.of(ChangeAction.START, ResourceRef.vm("pve1", 999), "start vm/999"), Progress.NONE);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("999");
        assertThatThrownBy(() -> session.client().get("/nodes/pve1/qemu/999/config"))
                .isInstanceOfSatisfying(ProviderException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void anUnknownNodeIsNamed() {
        ChangeResult r = session.apply(Change.of(ChangeAction.START, ResourceRef.vm("pve9", 110), "start vm/110"), Progress.NONE);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("unknown node 'pve9'");
    }

    @Test
    void waitsForAGuestLockedBySomeoneElseAndProceedsOnceReleased() {
        server.faults().lockGuest(110, "backup");
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService unlock = Executors.newSingleThreadScheduledExecutor();
        try {
            unlock.schedule(() -> server.faults().lockGuest(110, ""), 400, TimeUnit.MILLISECONDS);
            ChangeResult r = session.apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("cores", "3"), List.of(),
                    Map.of(), "~110"), new Progress() {
                        @Override
                        public void total(long total) {}

                        @Override
                        public void step(long n) {}

                        @Override
                        public void message(String text) {
                            messages.add(text);
                        }

                        @Override
                        public void close() {}
                    });
            assertThat(r.succeeded()).as(r.message()).isTrue();
            assertThat(messages).anyMatch(m -> m.contains("locked by another task") && m.contains("locked (backup)"));
        } finally {
            unlock.shutdownNow();
        }
    }

    @Test
    void aGuestLockedForLongerThanTheWaitFailsWithTheLock() {
        server.faults().lockGuest(110, "backup");
        session.executor().lockWait(Duration.ofMillis(200), Duration.ofMillis(50));
        ChangeResult r = session.apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("cores", "3"), List.of(),
                Map.of(), "~110"), Progress.NONE);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("locked (backup)");
    }

    @Test
    void connectionRefusedIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Endpoint e = Simulators.endpoint(server);
        ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(new Endpoint(e.name(), URI.create("https://127.0.0.1:" + port),
                e.tokenId(), e.tokenSecret(), "", "", e.tls(), e.timeout(), 2));
        assertThatThrownBy(() -> s.discover(Progress.NONE))
                .isInstanceOfSatisfying(ProviderException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.CONNECTION))
                .hasMessageContaining("connection refused");
    }

    @Test
    void aFingerprintMismatchShowsTheServersFingerprintAndHowToPinIt() {
        Endpoint e = Simulators.endpoint(server);
        String wrong = "00" + server.fingerprint().substring(2);
        ProxmoxSession s = (ProxmoxSession) new ProxmoxProvider().connect(Endpoints(e, wrong));
        assertThatThrownBy(s::probe)
                .isInstanceOfSatisfying(ProviderException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.TLS))
                .hasMessageContaining(server.fingerprint()).hasMessageContaining("--fingerprint");
        assertThat(new ProxmoxProvider().peekFingerprint(server.url())).contains(server.fingerprint());
    }

    private static Endpoint Endpoints(Endpoint e, String pin) {
        return new Endpoint(e.name(), e.url(), e.tokenId(), e.tokenSecret(), "", "", Endpoint.Tls.pinned(pin), e.timeout(), 2);
    }

    @Test
    void discoveryRetriesReadsThroughInjectedServerErrors() {
        server.faults().failRate(0.05);
        session.client().retries(6, Duration.ofMillis(5));
        assertThat(session.discover(Progress.NONE).guests()).hasSize(server.guestCount());
    }
}
