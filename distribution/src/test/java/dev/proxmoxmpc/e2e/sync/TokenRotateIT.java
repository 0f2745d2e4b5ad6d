package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.e2e.Product;
import dev.proxmoxmpc.plugin.simulator.ApiToken;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /token rotate} with the real launcher against the simulator's PVE 9 token endpoint: the new secret works and
 * the old one does not, it goes where the old one came from (secrets.yml, the secret_store_command, or once to the
 * terminal for an environment variable), and it never reaches the log file.
 */
class TokenRotateIT {
    private static final Pattern UUID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", Pattern.MULTILINE);
    static SimulatorServer sim;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).taskDurationMs(50).build());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private Path init(Product product, ApiToken token) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Product.Run init = product.run(dir, "init", "--host", "127.0.0.1", "--port", Integer.toString(sim.port()),
                "--token-id", token.id(), "--token-secret-env", "PROXMOX_MPC_DEFAULT_SECRET", "--fingerprint", sim.fingerprint());
        assertThat(init.exitCode()).as(init.all()).isZero();
        return dir;
    }

    @Test
    void aSecretFromAnEnvironmentVariableIsShownOnceAndNeverLogged() throws Exception {
        ApiToken token = sim.addToken("root@pam", "rot-env", Privileges.ALL);
        Product product = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", token.secret());
        Path dir = init(product, token);
        Product.Run rotate = product.run(dir, "token", "rotate", "--yes");
        assertThat(rotate.exitCode()).as(rotate.all()).isZero();
        Matcher m = UUID.matcher(rotate.stdout());
        assertThat(m.find()).as(rotate.all()).isTrue();
        String fresh = m.group();
        assertThat(fresh).isNotEqualTo(token.secret());
        assertThat(rotate.all()).contains("shown only this once", "$PROXMOX_MPC_DEFAULT_SECRET", "the new secret works");
        assertThat(status(token.id(), token.secret())).isEqualTo(401);
        assertThat(status(token.id(), fresh)).isEqualTo(200);
        assertThat(product.env("PROXMOX_MPC_DEFAULT_SECRET", fresh).run(dir, "sync").exitCode()).isZero();
        assertNeverLogged(fresh);
    }

    @Test
    void aSecretFromSecretsYmlIsReplacedThereAndNotShown() throws Exception {
        ApiToken token = sim.addToken("root@pam", "rot-file", Privileges.ALL);
        Product product = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", token.secret());
        Path dir = init(product, token);
        product.env("PROXMOX_MPC_DEFAULT_SECRET", "");
        Path secrets = dir.resolve(".proxmox/secrets.yml");
        Files.writeString(secrets, "default: " + token.secret() + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Product.Run rotate = product.run(dir, "token", "rotate", "--yes");
        assertThat(rotate.exitCode()).as(rotate.all()).isZero();
        assertThat(rotate.all()).contains("stored in .proxmox/secrets.yml");
        assertThat(UUID.matcher(rotate.stdout()).find()).as("the secret is not printed").isFalse();
        String fresh = Files.readString(secrets).replaceAll("(?s).*default: (\\S+).*", "$1");
        assertThat(fresh).isNotEqualTo(token.secret()).matches(UUID);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(status(token.id(), fresh)).isEqualTo(200);
        assertThat(product.run(dir, "sync").exitCode()).isZero();
        assertNeverLogged(fresh);
    }

    @Test
    void aSecretCommandIsReadEachTimeAndTheNewSecretGoesThroughItsStoreCommand() throws Exception {
        ApiToken token = sim.addToken("root@pam", "rot-cmd", Privileges.ALL);
        Product product = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", token.secret());
        Path dir = init(product, token);
        product.env("PROXMOX_MPC_DEFAULT_SECRET", "");
        Path vault = tmp.resolve("vault.txt");
        Files.writeString(vault, token.secret() + "\n");
        Path config = dir.resolve(".proxmox/config.yml");
        String yaml = Files.readString(config);
        assertThat(yaml).contains("token_id: root@pam!rot-cmd");
        Files.writeString(config, yaml.replaceAll("(?m)^( *)token_id: (.*)$",
                "$1token_id: $2\n$1secret_command: cat '" + vault + "'\n$1secret_store_command: cat > '" + vault + "'"));
        assertThat(product.run(dir, "sync").exitCode()).isZero();
        Product.Run rotate = product.run(dir, "token", "rotate", "--yes");
        assertThat(rotate.exitCode()).as(rotate.all()).isZero();
        assertThat(rotate.all()).contains("stored through the secret_store_command");
        String fresh = Files.readString(vault).strip();
        assertThat(fresh).isNotEqualTo(token.secret()).matches(UUID);
        assertThat(product.run(dir, "sync").exitCode()).isZero();
        assertThat(dir.resolve(".proxmox/secrets.yml")).doesNotExist();
        assertNeverLogged(fresh);

        Files.writeString(config, Files.readString(config).replaceAll("secret_command: .*", "secret_command: 'exit 3'"));
        Product.Run broken = product.run(dir, "sync");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stderr().strip()).contains("secret_command for 'default' failed with exit status 3").doesNotContain("\n");
    }

    @Test
    void aReadOnlyTokenCannotRegenerateItselfAndKeepsItsOldSecret() throws Exception {
        ApiToken token = sim.addToken("ops@pve", "ro", Privileges.AUDITOR);
        Product product = Product.inHome(tmp.resolve("home")).env("PROXMOX_MPC_DEFAULT_SECRET", token.secret());
        Path dir = init(product, token);
        Product.Run rotate = product.run(dir, "token", "rotate", "--yes");
        assertThat(rotate.exitCode()).as(rotate.all()).isEqualTo(1);
        assertThat(rotate.stderr()).contains("the server refused to regenerate ops@pve!ro", "the old secret still works", "User.Modify");
        assertThat(status(token.id(), token.secret())).isEqualTo(200);
    }

    private void assertNeverLogged(String secret) throws Exception {
        try (var logs = Files.walk(tmp.resolve("home"))) {
            for (Path f : logs.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret);
            }
        }
        try (var files = Files.walk(tmp.resolve("project"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("secrets.yml")).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(secret);
            }
        }
    }

    /** @return the status of {@code GET /version} with the token: 200 when the secret works, 401 when not */
    private static int status(String id, String secret) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("pve", sim.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(ctx).build().send(HttpRequest.newBuilder(
                URI.create(sim.apiUrl() + "/version")).header("Authorization", "PVEAPIToken=" + id + "=" + secret).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
