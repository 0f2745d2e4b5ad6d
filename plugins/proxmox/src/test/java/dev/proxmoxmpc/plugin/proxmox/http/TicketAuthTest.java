package dev.proxmoxmpc.plugin.proxmox.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.Endpoints;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketAuthTest {
    private final FakePve pve = FakePve.start();

    @AfterEach
    void stop() {
        pve.close();
    }

    /** A clock tests move forward. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-07-05T17:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void logsInSendsCookieAndCsrfOnWritesAndRenewsBeforeTheTwoHourExpiry() {
        AtomicInteger logins = new AtomicInteger();
        pve.on("POST", "/access/ticket", r -> {
            int n = logins.incrementAndGet();
            return Response.data("{\"ticket\":\"PVE:alice@pve:6A4A8EED::sig" + n + "\",\"CSRFPreventionToken\":\"6A4A8EED:csrf" + n
                    + "\",\"username\":\"alice@pve\"}");
        });
        pve.data("GET", "/version", "{\"version\":\"9.2.4\"}");
        pve.data("PUT", "/nodes/pve/qemu/100/config", "null");
        MovableClock clock = new MovableClock();
        PveClient c = new PveClient(Endpoints.password(pve.url(), pve.fingerprint(), "alice@pve", "s3cret"), clock);

        c.get("/version");
        c.put("/nodes/pve/qemu/100/config", Map.of("cores", "2"));
        var login = pve.requests("POST", "/access/ticket").get(0);
        assertThat(login.params()).containsEntry("username", "alice@pve").containsEntry("password", "s3cret");
        var get = pve.requests("GET", "/version").get(0);
        assertThat(get.header("Cookie")).isEqualTo("PVEAuthCookie=PVE%3Aalice%40pve%3A6A4A8EED%3A%3Asig1");
        assertThat(get.header("CSRFPreventionToken")).isNull();
        assertThat(pve.requests("PUT", "/nodes/pve/qemu/100/config").get(0).header("CSRFPreventionToken")).isEqualTo("6A4A8EED:csrf1");
        assertThat(logins).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(100));
        c.get("/version");
        assertThat(logins).hasValue(2);
        assertThat(pve.requests("POST", "/access/ticket").get(1).params())
                .containsEntry("password", "PVE:alice@pve:6A4A8EED::sig1");
        assertThat(pve.requests("GET", "/version").get(1).header("Cookie")).endsWith("sig2");
    }

    @Test
    void reportsWrongPasswordsAsAuthenticationFailures() {
        pve.on("POST", "/access/ticket", r -> Response.error(401, "authentication failure\n"));
        PveClient c = new PveClient(Endpoints.password(pve.url(), pve.fingerprint(), "alice@pve", "wrong"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.get("/version"))
                .hasMessageContaining("authentication failed for alice@pve").hasMessageContaining("wrong user name or password");
    }
}
