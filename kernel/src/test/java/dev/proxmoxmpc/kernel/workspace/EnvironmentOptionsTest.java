package dev.proxmoxmpc.kernel.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.testkit.Commands;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentOptionsTest {

    @Test
    void addTakesTheFlagsOfInit() {
        EnvironmentAddOptions o = add(List.of("production", "--server", "prod.example.com", "--port", "8443",
                "--token-id", "mpc@pve!deploy", "--token-secret-env", "PROD_TOKEN", "--fingerprint", "ab:".repeat(31) + "cd"));
        assertThat(o.endpoint()).isEqualTo("https://prod.example.com:8443");
        assertThat(o.tokenId()).isEqualTo("mpc@pve!deploy");
        assertThat(o.secretEnv()).isEqualTo("PROD_TOKEN");
        assertThat(o.fingerprint()).startsWith("AB:AB:").endsWith(":CD");
    }

    @Test
    void addRefusesATokenIdThatIsNotUserAtRealmBangName() {
        assertThatThrownBy(() -> add(List.of("p", "--server", "h", "--token-id", "hello world")))
                .isInstanceOf(UsageException.class).hasMessageContaining("user@realm!name");
        assertThatThrownBy(() -> add(List.of("p", "--server", "h", "--token-secret-env", "not a name")))
                .isInstanceOf(UsageException.class).hasMessageContaining("NAME of an environment variable");
        assertThatThrownBy(() -> add(List.of("p"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--server");
    }

    @Test
    void mapCollectsRepeatablePairsPerKind() {
        EnvironmentMapOptions o = map(List.of("production", "--node", "pve1=prod1", "--node", "pve2=prod2",
                "--subnet", "10.0.0.0/24=10.20.0.0/24", "--ostemplate", "debian=local:vztmpl/debian-12.tar.zst"));
        assertThat(o.pairs().get("node")).containsEntry("pve1", "prod1").containsEntry("pve2", "prod2");
        assertThat(o.pairs().get("subnet")).containsEntry("10.0.0.0/24", "10.20.0.0/24");
        assertThat(o.pairs().get("ostemplate")).containsEntry("debian", "local:vztmpl/debian-12.tar.zst");
        assertThat(o.pairs().get("bridge")).isEmpty();
    }

    @Test
    void mapRefusesPairsWithoutBothSidesAndSubnetsThatAreNotCidrs() {
        assertThatThrownBy(() -> map(List.of("p", "--node", "pve1"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("FROM=TO");
        assertThatThrownBy(() -> map(List.of("p", "--subnet", "10.0.0.0=10.1.0.0")))
                .isInstanceOf(UsageException.class).hasMessageContaining("FROM_CIDR=TO_CIDR");
    }

    @Test
    void addTakesOneNodeAndTabOffersTheMapKinds() {
        assertThat(add(List.of("p", "--server", "h", "--node", "pve2")).node()).isEqualTo("pve2");
        assertThat(Commands.complete(new EnvironmentMapCommand(), null, List.of("production", "-")))
                .contains("--node", "--storage", "--bridge", "--subnet", "--ostemplate", "--clear");
    }

    private static EnvironmentAddOptions add(List<String> words) {
        return Commands.parse(new EnvironmentAddCommand(), words).options();
    }

    private static EnvironmentMapOptions map(List<String> words) {
        return Commands.parse(new EnvironmentMapCommand(), words).options();
    }
}
