package dev.proxmoxmpc.kernel.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.CommandException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSecretsTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(".proxmox/secrets.yml");
    }

    @Test
    void namesEnvironmentVariablesInUpperCaseWithUnderscores() {
        assertThat(SecretNames.environmentVariable("default")).isEqualTo("PROXMOX_MPC_DEFAULT_SECRET");
        assertThat(SecretNames.environmentVariable("prod-eu.2")).isEqualTo("PROXMOX_MPC_PROD_EU_2_SECRET");
    }

    @Test
    void theEnvironmentWinsOverTheFile() {
        ProjectSecrets s = new ProjectSecrets(file(), Map.of("PROXMOX_MPC_PROD_EU_SECRET", "from-env")::get, Map.of());
        s.put("prod-eu", "from-file");
        assertThat(s.get("prod-eu")).contains("from-env");
        assertThat(new ProjectSecrets(file(), n -> null, Map.of()).get("prod-eu")).contains("from-file");
        assertThat(s.get("other")).isEmpty();
    }

    @Test
    void aCustomVariableIsLookedUpFirst() {
        Map<String, String> env = Map.of("MY_VAR", "custom", "PROXMOX_MPC_DEFAULT_SECRET", "standard");
        assertThat(new ProjectSecrets(file(), env::get, Map.of("default", "MY_VAR")).get("default")).contains("custom");
    }

    @Test
    void theVariableASecretIsReadFromIsTheCustomOneElseTheStandardName() {
        ProjectSecrets s = new ProjectSecrets(file(), n -> null, Map.of("production", "PROD_TOKEN"));
        assertThat(s.variable("production")).isEqualTo("PROD_TOKEN");
        assertThat(s.variable("prod-eu.2")).isEqualTo("PROXMOX_MPC_PROD_EU_2_SECRET");
    }

    @Test
    void theFileIsCreatedOwnerOnlyAndKeepsOtherSecrets() throws Exception {
        ProjectSecrets s = new ProjectSecrets(file(), n -> null, Map.of());
        s.put("default", "one");
        s.put("postgresql", "two: with: colons # and hashes");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(s.get("default")).contains("one");
        assertThat(s.get("postgresql")).contains("two: with: colons # and hashes");
        try (var files = Files.list(file().getParent())) {
            assertThat(files).containsExactly(file()); // no temporary file left behind
        }
    }

    @Test
    void aFileReadableByOthersIsRefusedWithoutShowingTheSecret() throws Exception {
        ProjectSecrets s = new ProjectSecrets(file(), n -> null, Map.of());
        s.put("default", "hunter2-secret");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> s.get("default")).isInstanceOf(CommandException.class)
                .hasMessageContaining("chmod 600").hasMessageNotContaining("hunter2");
    }

    @Test
    void aBrokenFileIsNamedWithoutQuotingIt() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "default: [hunter2-secret\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> new ProjectSecrets(file(), n -> null, Map.of()).get("default"))
                .isInstanceOf(CommandException.class).hasMessageContaining("secrets.yml line")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void toStringShowsNoSecret() {
        ProjectSecrets s = new ProjectSecrets(file(), n -> null, Map.of());
        s.put("default", "hunter2-secret");
        assertThat(s.toString()).doesNotContain("hunter2");
    }
}
