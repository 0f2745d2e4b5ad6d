package dev.proxmoxmpc.kernel.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
    static final EnvironmentConfig TOKEN = new EnvironmentConfig("prod-eu", "proxmox", "https://pve.example.com:8006",
            "pve1", "root@pam!mpc", "", "AA:BB", "", false);

    static Secrets none() {
        return new EnvironmentSecrets(Map.of(), null);
    }

    @Test
    void buildsATokenEndpointWithTheSecretFromTheEnvironment() {
        Secrets secrets = new EnvironmentSecrets(Map.of("PROXMOX_MPC_PROD_EU_SECRET", "uuid-1"), null);
        Endpoint e = Connections.endpoint(TOKEN, 2, secrets);
        assertThat(e.url().toString()).isEqualTo("https://pve.example.com:8006");
        assertThat(e.tokenId()).isEqualTo("root@pam!mpc");
        assertThat(e.tokenSecret()).isEqualTo("uuid-1");
        assertThat(e.password()).isEmpty();
        assertThat(e.tls()).isEqualTo(Endpoint.Tls.pinned("AA:BB"));
        assertThat(e.toString()).doesNotContain("uuid-1");
    }

    @Test
    void usesThePasswordForTicketAuth() {
        EnvironmentConfig user = new EnvironmentConfig("default", "proxmox", "https://10.0.0.2:8006", "", "",
                "admin@pve", "", "/etc/ca.pem", false);
        Secrets secrets = new EnvironmentSecrets(Map.of("PROXMOX_MPC_DEFAULT_SECRET", "pw"), null);
        Endpoint e = Connections.endpoint(user, 1, secrets);
        assertThat(e.username()).isEqualTo("admin@pve");
        assertThat(e.password()).isEqualTo("pw");
        assertThat(e.tokenSecret()).isEmpty();
        assertThat(e.tls().caFile()).isEqualTo("/etc/ca.pem");
    }

    @Test
    void aMissingSecretNamesTheVariableAndSecretsYml() {
        assertThatThrownBy(() -> Connections.endpoint(TOKEN, 1, none())).isInstanceOf(CommandException.class)
                .hasMessage("no secret for environment 'prod-eu': set PROXMOX_MPC_PROD_EU_SECRET or add 'prod-eu: ...' "
                        + "to .proxmox/secrets.yml");
    }

    @Test
    void aMissingSecretNamesTheConfiguredSecretEnvFirst(@org.junit.jupiter.api.io.TempDir Path dir) {
        Secrets secrets = new dev.proxmoxmpc.kernel.secrets.ProjectSecrets(dir.resolve("secrets.yml"), name -> null,
                Map.of("prod-eu", "MY_PVE_SECRET"));
        assertThatThrownBy(() -> Connections.endpoint(TOKEN, 1, secrets)).isInstanceOf(CommandException.class)
                .hasMessage("no secret for environment 'prod-eu': set MY_PVE_SECRET (its secret_env in .proxmox/config.yml), "
                        + "PROXMOX_MPC_PROD_EU_SECRET or add 'prod-eu: ...' to .proxmox/secrets.yml");
    }

    @Test
    void aMissingProviderPointsToPlugins() {
        assertThatThrownBy(() -> Connections.connect(TOKEN, 1, none(), List.of(), Path.of("cache"))).isInstanceOf(CommandException.class)
                .hasMessage("no provider 'proxmox' is loaded (environment 'prod-eu'); see /plugins");
    }

    @Test
    void theProviderGetsTheEnvironmentsOwnCacheDirectory() {
        Path[] given = new Path[1];
        InfrastructureProvider provider = new InfrastructureProvider() {
            @Override
            public String id() {
                return "proxmox";
            }

            @Override
            public ProviderSession connect(Endpoint endpoint) {
                throw new AssertionError("the kernel connects with a cache directory");
            }

            @Override
            public ProviderSession connect(Endpoint endpoint, Path cacheDir) {
                given[0] = cacheDir;
                return null;
            }
        };
        Secrets secrets = new EnvironmentSecrets(Map.of("PROXMOX_MPC_PROD_EU_SECRET", "uuid-1"), null);
        Connections.connect(TOKEN, 1, secrets, List.of(provider), Path.of("/p/.proxmox/cache"));
        assertThat(given[0]).isEqualTo(Path.of("/p/.proxmox/cache/prod-eu"));
        EnvironmentConfig unsafe = new EnvironmentConfig("..", "proxmox", "https://pve:8006", "", "root@pam!mpc", "", "", "", false);
        assertThatThrownBy(() -> Connections.cacheDir(Path.of("/p/.proxmox/cache"), unsafe))
                .isInstanceOf(CommandException.class).hasMessage("environment name '..' is not safe as a directory name");
    }

    @Test
    void environmentVariablesWinOverTheProjectsSecrets() {
        Secrets project = new Secrets() {
            @Override
            public Optional<String> get(String name) {
                return Optional.of("from-file");
            }

            @Override
            public void put(String name, String value) {}
        };
        assertThat(new EnvironmentSecrets(Map.of("PROXMOX_MPC_X_SECRET", "env"), project).get("x")).contains("env");
        assertThat(new EnvironmentSecrets(Map.of(), project).get("x")).contains("from-file");
    }
}
