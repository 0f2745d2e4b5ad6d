package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ticket and CSRF, API tokens, 401 and 403 as the real API answers them. */
class AuthTest {
    static SimulatorServer server;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(50).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answers401WithAnEmptyBodyWithoutCredentials() {
        PveHttp.Response r = new PveHttp(server).noAuth().get("/cluster/resources");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).isEmpty();
    }

    @Test
    void answers401ForAWrongTokenSecret() {
        PveHttp.Response r = new PveHttp(server).token(new ApiToken(server.tokenId(), "00000000-0000-0000-0000-000000000000"))
                .get("/version");
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void tokenAuthNeedsNoCsrfForWrites() {
        PveHttp.Response r = new PveHttp(server).put("/nodes/pve3/qemu/111/config", form("description", "via token"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().isNull()).isTrue();
    }

    @Test
    void ticketAuthReadsWithoutCsrfButRefusesWritesWithoutIt() {
        PveHttp noCsrf = new PveHttp(server).ticket(server.username(), server.password(), false);
        assertThat(noCsrf.get("/cluster/resources?type=node").data()).hasSize(3);
        PveHttp.Response write = noCsrf.put("/nodes/pve3/qemu/111/config", form("cores", 2));
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.body()).isEmpty();
        PveHttp withCsrf = new PveHttp(server).ticket(server.username(), server.password(), true);
        assertThat(withCsrf.put("/nodes/pve3/qemu/111/config", form("cores", 2)).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsAnAuthenticationFailure() {
        PveHttp.Response r = new PveHttp(server).noAuth().post("/access/ticket", Map.of("username", "root@pam", "password", "nope"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.message()).isEqualTo("authentication failure\n");
        assertThat(r.json().get("data").isNull()).isTrue();
    }

    @Test
    void aTicketRenewsWithItselfAsPassword() {
        PveHttp.Response first = new PveHttp(server).noAuth().post("/access/ticket",
                Map.of("username", server.username(), "password", server.password()));
        String ticket = first.data().get("ticket").asText();
        PveHttp.Response renewed = new PveHttp(server).noAuth().post("/access/ticket", Map.of("username", "root@pam", "password", ticket));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.data().get("username").asText()).isEqualTo("root@pam");
    }

    @Test
    void tokenWithoutPrivilegesGets403WithThePermissionPath() {
        ApiToken weak = server.faults().tokenWithoutPrivileges();
        PveHttp http = new PveHttp(server).token(weak);
        PveHttp.Response r = http.get("/nodes/pve1/qemu/100/config");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("Permission check failed (/vms/100, VM.Audit)\n");
        assertThat(http.get("/cluster/resources").data()).isEmpty();
        assertThat(http.get("/version").status()).isEqualTo(200);
        PveHttp.Response write = http.post("/nodes/pve1/qemu/100/status/start", Map.of());
        assertThat(write.message()).isEqualTo("Permission check failed (/vms/100, VM.PowerMgmt)\n");
    }

    @Test
    void anAddedUserWithOnlyAuditSeesButCannotChange() {
        server.addUser("auditor@pve", "secret", Set.of("VM.Audit", "Sys.Audit"));
        PveHttp http = new PveHttp(server).ticket("auditor@pve", "secret", true);
        assertThat(http.get("/nodes/pve1/qemu/100/config").status()).isEqualTo(200);
        PveHttp.Response r = http.put("/nodes/pve1/qemu/100/config", form("cores", 8));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).startsWith("Permission check failed (/vms/100, VM.Config.Disk|VM.Config.CDROM|");
    }

    @Test
    void permissionsListsTheCallersPrivileges() {
        var data = new PveHttp(server).get("/access/permissions").data();
        assertThat(data.get("/").get("VM.Audit").asInt()).isEqualTo(1);
        assertThat(new PveHttp(server).token(server.faults().tokenWithoutPrivileges()).get("/access/permissions").data()).isEmpty();
    }
}
