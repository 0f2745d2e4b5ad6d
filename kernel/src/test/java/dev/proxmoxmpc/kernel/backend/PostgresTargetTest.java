package dev.proxmoxmpc.kernel.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.UsageException;
import org.junit.jupiter.api.Test;

/** The PostgreSQL state flags checked for form, without a server. */
class PostgresTargetTest {
    @Test
    void readsHostPortAndDatabaseFromTheUrl() {
        PostgresTarget t = PostgresTarget.of("jdbc:postgresql://db.example.com:5433/mpc?sslmode=require", "mpc",
                "MPC_PG_PASSWORD", "lab");
        assertThat(t.host()).isEqualTo("db.example.com");
        assertThat(t.port()).isEqualTo(5433);
        assertThat(t.database()).isEqualTo("mpc");
        assertThat(t.shown()).isEqualTo("db.example.com:5433/mpc schema lab");
        assertThat(PostgresTarget.of("jdbc:postgresql://db/mpc", "mpc", "V", "").port()).isEqualTo(5432);
        assertThat(t.document().passwordEnv).isEqualTo("MPC_PG_PASSWORD");
    }

    @Test
    void refusesAPasswordInTheUrlWithoutShowingIt() {
        assertThatThrownBy(() -> PostgresTarget.of("jdbc:postgresql://db:5432/mpc?password=hunter2", "mpc", "V", ""))
                .isInstanceOf(UsageException.class).hasMessageContaining("--state-password-env")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresTarget.of("postgres://db/mpc?password=hunter2", "mpc", "V", ""))
                .isInstanceOf(UsageException.class).hasMessageContaining("jdbc:postgresql://HOST:5432/DB")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void namesTheFlagThatIsMissingOrMalformed() {
        assertThatThrownBy(() -> PostgresTarget.of("", "mpc", "V", "")).hasMessageContaining("--state-url");
        assertThatThrownBy(() -> PostgresTarget.of("jdbc:postgresql://db/mpc", "", "V", "")).hasMessageContaining("--state-user");
        assertThatThrownBy(() -> PostgresTarget.of("jdbc:postgresql://db/mpc", "mpc", "not a var", ""))
                .hasMessageContaining("--state-password-env");
        assertThatThrownBy(() -> PostgresTarget.of("jdbc:postgresql://db/mpc", "mpc", "V", "Team-A"))
                .hasMessageContaining("--state-schema");
    }
}
