package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status line carries PVE's reason phrase, the first line of the message, as pveproxy sends it: read with a raw
 * TLS client, and through python3-proxmoxer (a third-party client that shows it) when installed.
 */
class ReasonPhraseTest {
    static SimulatorServer server;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theStatusLineCarriesTheFirstLineOfPvesMessage() throws IOException {
        String token = server.token().authorizationHeader();
        assertThat(statusLine("DELETE", "/api2/json/nodes/pve1/qemu/100", token, null))
                .isEqualTo("HTTP/1.1 500 VM 100 is running - destroy failed");
        assertThat(statusLine("POST", "/api2/json/nodes/pve1/qemu", token, "vmid=abc"))
                .isEqualTo("HTTP/1.1 400 Parameter verification failed.");
        assertThat(statusLine("GET", "/api2/json/version", null, null)).isEqualTo("HTTP/1.1 401 No ticket");
        assertThat(statusLine("GET", "/api2/json/version", token, null)).isEqualTo("HTTP/1.1 200 OK");
        String auditor = server.addToken("audit@pve", "ro", Privileges.AUDITOR).authorizationHeader();
        assertThat(statusLine("POST", "/api2/json/nodes/pve1/qemu", auditor, "vmid=990"))
                .isEqualTo("HTTP/1.1 403 Permission check failed");
        assertThat(statusLine("GET", "/api2/json/nodes/pve1/nothing", token, null))
                .isEqualTo("HTTP/1.1 501 Method 'GET /nodes/pve1/nothing' not implemented");
        // the body is received without blocking the I/O thread, then refused whole, as before
        assertThat(statusLine("POST", "/api2/json/nodes/pve1/qemu", token, "description=" + "x".repeat(600 * 1024)))
                .isEqualTo("HTTP/1.1 501 for data too large");
        assertThat(statusLine("POST", "/api2/json/nodes/pve1/qemu", token, "vmid=abc"))
                .as("the server answers on after that").isEqualTo("HTTP/1.1 400 Parameter verification failed.");
    }

    @Test
    void proxmoxerShowsTheReasonPhrase(@TempDir Path dir) throws Exception {
        boolean required = "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
        String python = python("import proxmoxer");
        if (python == null) {
            if (required) {
                fail("python3-proxmoxer is required (MPC_REQUIRE_EXTERNAL=1) but python3 cannot import proxmoxer");
            }
            assumeTrue(false, "python3-proxmoxer not installed: skipping the third-party client check");
        }
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, server.caPem());
        String[] id = server.tokenId().split("!");
        String script = String.join("\n",
                "import sys",
                "from proxmoxer import ProxmoxAPI",
                "from proxmoxer.core import ResourceException",
                "pve = ProxmoxAPI('127.0.0.1', port=" + server.port() + ", user='" + id[0] + "', token_name='" + id[1] + "',",
                "                 token_value=sys.stdin.readline().strip(), verify_ssl='" + ca + "')",
                "try:",
                "    pve.nodes('pve1').qemu(100).delete()",
                "except ResourceException as e:",
                "    print(e.status_code, e.content)"); // proxmoxer 1.x keeps the reason phrase as the exception's content
        Files.writeString(dir.resolve("t.py"), script);
        Process p = new ProcessBuilder(python, dir.resolve("t.py").toString()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((server.tokenSecret() + "\n").getBytes(StandardCharsets.UTF_8)); // the secret never on a command line
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out.trim()).isEqualTo("500 VM 100 is running - destroy failed");
    }

    /** @return the first Python that runs {@code code} (Debian's, where apt installs python3-proxmoxer, first), or null */
    private static String python(String code) {
        for (String python : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not there: try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** Sends one request over a raw TLS socket and returns the status line exactly as received. */
    private static String statusLine(String method, String path, String authorization, String form) throws IOException {
        try (SSLSocket socket = (SSLSocket) PveHttp.pinned(server).getSocketFactory().createSocket("127.0.0.1", server.port())) {
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
            if (authorization != null) {
                req.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (form != null) {
                req.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }
}
