package dev.proxmoxmpc.kernel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {
    static final String GOOD = """
            # a comment
            current_environment: lab
            environments:
              lab:
                endpoint: https://10.0.0.2:8006
                node: pve1
                token_id: root@pam!mpc
                tls:
                  fingerprint: "AB:CD"
              production:
                provider: proxmox
                endpoint: https://prod.example.com:8006
                username: alice@pve
                secret_env: PROD_PASSWORD
                tls:
                  ca_file: /etc/ssl/prod-ca.pem
            generators:
              terraform:
                provider_version: 0.66.3
                split_files: true
            sync:
              conflict_policy: ask
              parallelism: 8
            state:
              backend: postgresql
              url: jdbc:postgresql://db.example.com:5432/mpc
              user: mpc
            """;

    @TempDir
    Path root;

    private ConfigStore store(String yaml) throws Exception {
        Files.createDirectories(root.resolve(".proxmox"));
        Files.writeString(root.resolve(".proxmox/config.yml"), yaml);
        return new ConfigStore(new Workspace(root));
    }

    private AbstractThrowableAssert<?, ?> rejects(String yaml) throws Exception {
        ConfigStore store = store(yaml);
        return assertThatThrownBy(store::load).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(".proxmox/config.yml").hasMessageNotContaining("\n");
    }

    @Test
    void readsEveryPartOfTheFormat() throws Exception {
        LoadedConfig c = store(GOOD).load();
        ProjectConfig p = c.project();
        assertThat(p.currentEnvironment()).isEqualTo("lab");
        assertThat(p.environment()).isEqualTo(new EnvironmentConfig("lab", "proxmox", "https://10.0.0.2:8006", "pve1",
                "root@pam!mpc", "", "AB:CD", "", false));
        assertThat(p.environments().get("production").caFile()).isEqualTo("/etc/ssl/prod-ca.pem");
        assertThat(p.environments().get("production").username()).isEqualTo("alice@pve");
        assertThat(p.conflictPolicy()).isEqualTo("ask");
        assertThat(p.parallelism()).isEqualTo(8);
        assertThat(p.generatorOptions("terraform")).isEqualTo(Map.of("provider_version", "0.66.3", "split_files", true));
        assertThat(c.state()).isEqualTo(new StateBackendConfig("postgresql", "jdbc:postgresql://db.example.com:5432/mpc",
                "mpc", "", ""));
        assertThat(c.secretEnvs()).isEqualTo(Map.of("production", "PROD_PASSWORD"));
    }

    @Test
    void writesWhatItReads() throws Exception {
        ConfigStore store = store(GOOD);
        ConfigDocument doc = store.read();
        store.write(doc);
        assertThat(store.load()).isEqualTo(store(GOOD).load());
        assertThat(Files.readString(root.resolve(".proxmox/config.yml"))).contains("conflict_policy: ask");
    }

    @Test
    void aYamlSyntaxErrorNamesTheLineAndColumnAndChangesNothing() throws Exception {
        String broken = GOOD.replace("    node: pve1\n", "    node: pve1\n   bad: indentation\n");
        rejects(broken).hasMessageContaining("line 7, column 4").hasMessageContaining("YAML syntax error");
        assertThat(Files.readString(root.resolve(".proxmox/config.yml"))).isEqualTo(broken);
    }

    @Test
    void anUnknownKeyIsNamedWithTheClosestKnownOne() throws Exception {
        rejects(GOOD.replace("    token_id: root@pam!mpc", "    tokn_id: root@pam!mpc"))
                .hasMessageContaining("line 7")
                .hasMessageContaining("unknown key 'environments.lab.tokn_id'")
                .hasMessageContaining("did you mean 'token_id'?");
        rejects(GOOD.replace("sync:", "synk:")).hasMessageContaining("unknown key 'synk'")
                .hasMessageContaining("did you mean 'sync'?");
    }

    @Test
    void aSecretInTheConfigIsRefusedWithoutRepeatingIt() throws Exception {
        rejects(GOOD.replace("    token_id: root@pam!mpc", "    token_id: root@pam!mpc\n    token_secret: 5e4f0c1a-7b2d"))
                .hasMessageContaining("line 8").hasMessageContaining("'environments.lab.token_secret' looks like a secret")
                .hasMessageContaining("PROXMOX_MPC_<ENVIRONMENT>_SECRET").hasMessageNotContaining("5e4f0c1a");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() throws Exception {
        rejects(GOOD.replace("parallelism: 8", "parallelism: lots")).hasMessageContaining("line 23")
                .hasMessageContaining("'sync.parallelism' must be a whole number, got 'lots'");
        rejects(GOOD.replace("  lab:\n    endpoint", "  lab: 5\n  labx:\n    endpoint")).hasMessageContaining("environments.lab");
    }

    @Test
    void valuesThatMakeNoSenseAreNamedWithTheirLine() throws Exception {
        rejects(GOOD.replace("current_environment: lab", "current_environment: prod"))
                .hasMessageContaining("line 2").hasMessageContaining("'current_environment' names no environment 'prod'");
        rejects(GOOD.replace("conflict_policy: ask", "conflict_policy: newest"))
                .hasMessageContaining("line 22").hasMessageContaining("prefer-server, prefer-local or ask");
        rejects(GOOD.replace("backend: postgresql", "backend: postgres"))
                .hasMessageContaining("did you mean 'postgresql'?");
        rejects(GOOD.replace("endpoint: https://10.0.0.2:8006", "endpoint: 10.0.0.2"))
                .hasMessageContaining("line 5").hasMessageContaining("'environments.lab.endpoint' must be a URL");
        rejects(GOOD.replace("    username: alice@pve\n", "")).hasMessageContaining("exactly one of token_id and username");
        rejects(GOOD.replace("  production:", "  ../prod:")).hasMessageContaining("not a safe name");
    }

    @Test
    void anEmptyOrMissingFileIsOneLine() throws Exception {
        rejects("").hasMessageContaining("is empty");
        Files.delete(root.resolve(".proxmox/config.yml"));
        assertThatThrownBy(() -> new ConfigStore(new Workspace(root)).load()).hasMessageContaining("run /init");
    }

    @Test
    void aBrokenFileIsNeverRewritten() throws Exception {
        String broken = GOOD.replace("sync:", "synk:");
        ConfigStore store = store(broken);
        assertThatThrownBy(store::read).isInstanceOf(ConfigException.class);
        assertThat(Files.readString(root.resolve(".proxmox/config.yml"))).isEqualTo(broken);
    }
}
