package dev.proxmoxmpc.kernel.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.CommandException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code secret_command}: the first line of its output, one-line errors that never carry the secret, no disk cache. */
class SecretCommandTest {
    private static final String SECRET = "5f0c1a9e-7d3b-4c2a-9e8f-0a1b2c3d4e5f";

    @TempDir
    Path dir;

    private static SecretCommand cmd(String read) {
        return new SecretCommand(read, "", Duration.ofSeconds(5));
    }

    @Test
    void theSecretIsTheFirstLineOfTheOutput() {
        assertThat(cmd("printf '  " + SECRET + "  \\nsecond line\\n'").run("default")).isEqualTo(SECRET);
    }

    @Test
    void aFailingCommandIsOneLineWithItsStatusAndStderrButNeverItsOutput() {
        assertThatThrownBy(() -> cmd("echo " + SECRET + "; echo 'vault: permission denied' >&2; exit 2").run("prod"))
                .isInstanceOf(CommandException.class)
                .hasMessage("secret_command for 'prod' failed with exit status 2: vault: permission denied")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void emptyOutputAndATimeoutAreClearOneLineErrors() {
        assertThatThrownBy(() -> cmd("true").run("default"))
                .hasMessage("secret_command for 'default' printed nothing (the secret must be the first line of its output)");
        assertThatThrownBy(() -> new SecretCommand("sleep 30", "", Duration.ofMillis(300)).run("default"))
                .hasMessageStartingWith("secret_command for 'default' did not finish within 300 ms (is it waiting")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theStoreCommandGetsTheNewSecretOnStdin() throws Exception {
        Path store = dir.resolve("vault");
        SecretCommand c = new SecretCommand("cat '" + store + "'", "cat > '" + store + "'", Duration.ofSeconds(5));
        c.store("default", SECRET);
        assertThat(Files.readString(store)).isEqualTo(SECRET + "\n");
        assertThat(c.run("default")).isEqualTo(SECRET);
        assertThat(c.toString()).doesNotContain(store.toString());
    }

    @Test
    void projectSecretsAskTheCommandAfterTheEnvironmentAndBeforeSecretsYmlAndNeverCacheIt() throws Exception {
        Path counter = dir.resolve("calls");
        SecretCommand c = cmd("echo x >> '" + counter + "'; echo from-command");
        Path file = dir.resolve("secrets.yml");
        new ProjectSecrets(file, n -> null, Map.of()).put("default", "from-file");
        ProjectSecrets s = new ProjectSecrets(file, n -> null, Map.of(), Map.of("default", c));
        assertThat(s.get("default")).contains("from-command");
        assertThat(s.get("default")).contains("from-command");
        assertThat(Files.readAllLines(counter)).hasSize(2); // run each time, kept nowhere
        assertThat(s.source("default")).isEqualTo(ProjectSecrets.Source.COMMAND);
        assertThat(Files.readString(file)).doesNotContain("from-command");
        ProjectSecrets env = new ProjectSecrets(file, Map.of("PROXMOX_MPC_DEFAULT_SECRET", "from-env")::get, Map.of(), Map.of("default", c));
        assertThat(env.get("default")).contains("from-env");
        assertThat(env.source("default")).isEqualTo(ProjectSecrets.Source.ENV);
        assertThat(new ProjectSecrets(file, n -> null, Map.of()).source("default")).isEqualTo(ProjectSecrets.Source.FILE);
    }
}
