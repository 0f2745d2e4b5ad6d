package dev.proxmoxmpc.plugin.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.proxmox.fake.FakePve;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ServerInfo;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProxmoxSessionTest {
    private final FakePve pve = FakePve.start();

    @AfterEach
    void stop() {
        pve.close();
    }

    private ProxmoxSession session() {
        return (ProxmoxSession) new ProxmoxProvider().connect(Endpoints.token(pve.url(), pve.fingerprint()));
    }

    @Test
    void probesVersionClusterNodesAndPrivileges() {
        pve.fixture("GET", "/version", "version-get-9.2.4.json");
        pve.fixture("GET", "/cluster/status", "gp-cluster-status.json");
        pve.data("GET", "/access/permissions", "{\"/\":{\"Sys.Audit\":1,\"VM.Audit\":1},\"/vms/100\":{\"VM.PowerMgmt\":0}}");
        ServerInfo info = session().probe();
        assertThat(info.version()).isEqualTo("9.2.4");
        assertThat(info.cluster()).isEqualTo("clustername");
        assertThat(info.nodes()).hasSize(4).contains("node2", "node3");
        assertThat(info.identity()).isEqualTo("root@pam!mpc");
        assertThat(info.has("/vms/100", "VM.PowerMgmt")).isTrue();
        assertThat(info.has("/vms/100", "VM.Audit")).isTrue();
        assertThat(info.has("/vms/100", "VM.Allocate")).isFalse();
    }

    @Test
    void readsTheNextVmidAsNumberOrString() {
        pve.data("GET", "/cluster/nextid", "\"104\"");
        assertThat(session().nextVmid()).isEqualTo(104);
        pve.data("GET", "/cluster/nextid", "105");
        assertThat(session().nextVmid()).isEqualTo(105);
    }

    @Test
    void listsRecentTasksNewestFirstWithTokenAndUserSplit() {
        pve.data("GET", "/cluster/tasks", """
                [{"upid":"UPID:pve:00004675:0005B36F:6A4A8EED:qmcreate:9101:root@pam!sdk:","node":"pve","type":"qmcreate",
                  "id":"9101","user":"root@pam","tokenid":"sdk","starttime":1783271149,"endtime":1783271151,"status":"OK"},
                 {"upid":"UPID:pve:00004686:0005B477:6A4A8EEF:qmstart:9101:alice@pve:","starttime":1783271151}]""");
        List<TaskRecord> tasks = session().recentTasks();
        assertThat(tasks).extracting(TaskRecord::type).containsExactly("qmstart", "qmcreate");
        TaskRecord started = tasks.get(0);
        assertThat(started.who()).isEqualTo("alice@pve");
        assertThat(started.node()).isEqualTo("pve");
        assertThat(started.id()).isEqualTo("9101");
        assertThat(started.end()).isEmpty();
        TaskRecord created = tasks.get(1);
        assertThat(created.who()).isEqualTo("root@pam!sdk");
        assertThat(created.end()).contains(Instant.ofEpochSecond(1783271151));
        assertThat(created.status()).isEqualTo("OK");
    }

    @Test
    void refusesPlainHttpAndMissingCredentials() {
        ProxmoxProvider p = new ProxmoxProvider();
        assertThatThrownBy(() -> p.connect(Endpoints.token(URI.create("http://pve:8006"), "")))
                .isInstanceOf(ProviderException.class).hasMessageContaining("HTTPS only");
        assertThatThrownBy(() -> p.connect(new Endpoint("x", URI.create("https://pve:8006"), "", "", "", "", Endpoint.Tls.system(),
                Duration.ofSeconds(5), 1))).isInstanceOf(ProviderException.class).hasMessageContaining("no credentials");
    }

    @Test
    void peeksTheFingerprintThroughTheProvider() {
        assertThat(new ProxmoxProvider().peekFingerprint(pve.url())).contains(pve.fingerprint());
        assertThat(new ProxmoxProvider().id()).isEqualTo("proxmox");
    }
}
