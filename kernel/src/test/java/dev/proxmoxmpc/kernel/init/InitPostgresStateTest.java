package dev.proxmoxmpc.kernel.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.StateBackendConfig;
import dev.proxmoxmpc.kernel.project.ProjectServices;
import dev.proxmoxmpc.kernel.project.Projects;
import dev.proxmoxmpc.kernel.state.ExternalPostgres;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.Event;
import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /init --state postgresql} against the real PostgreSQL of {@code MPC_PG_URL}: the connection is checked before
 * anything is written; each kind of bad connection is one line and leaves no project; a second member joins the
 * state the first created.
 */
class InitPostgresStateTest {
    @TempDir
    Path root;
    @TempDir
    Path home;
    final FakeProvider provider = new FakeProvider();
    final RecordingConsole console = new RecordingConsole();
    final Map<String, String> env = new HashMap<>(Map.of("PVE_SECRET", FakeProvider.SECRET));
    ExternalPostgres pg;
    String schema;

    @BeforeEach
    void server() {
        System.setProperty("proxmox-mpc.user-dir", home.toString());
        pg = ExternalPostgres.required();
        schema = ExternalPostgres.freshSchema();
        env.put("TEAM_PG_PASSWORD", pg.password);
    }

    @AfterEach
    void drop() throws Exception {
        System.clearProperty("proxmox-mpc.user-dir");
        if (pg != null) {
            pg.dropSchema(schema);
        }
    }

    private CommandResult init(String... state) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "8443", "--token-id", "root@pam!mpc",
                "--token-secret-env", "PVE_SECRET", "--fingerprint", FakeProvider.FINGERPRINT, "--state", "postgresql"));
        args.addAll(List.of(state));
        return Commands.run(new InitCommand(env::get), TestKernelContext.builder().root(root).console(console)
                .extension(provider).build(), args);
    }

    private String[] flags(String url, String user, String passwordEnv) {
        return new String[] {"--state-url", url, "--state-user", user, "--state-password-env", passwordEnv,
            "--state-schema", schema};
    }

    private String otherDatabase(String name) {
        return pg.url.replaceAll("/[^/?]+(\\?.*)?$", "/" + name);
    }

    @Test
    void createsTheStateInItsSchemaAndWritesNoPasswordAnywhere() throws Exception {
        assertThat(init(flags(pg.url, pg.user, "TEAM_PG_PASSWORD")).succeeded()).isTrue();

        StateBackendConfig state = new ConfigStore(new Workspace(root)).load().state();
        assertThat(state).isEqualTo(StateBackendConfig.postgresql(pg.url, pg.user, schema, "TEAM_PG_PASSWORD"));
        assertThat(root.resolve(".proxmox/state.db")).doesNotExist();
        assertThat(Files.readString(root.resolve(".proxmox/config.yml"))).contains("password_env: TEAM_PG_PASSWORD")
                .doesNotContain("password:");
        assertThat(console.output()).contains("Connected to PostgreSQL").contains("schema " + schema);
        try (ProjectServices p = Projects.open(new Workspace(root), env::get, Clock.systemUTC())) {
            p.state().appendEvent(new Event(Instant.parse("2026-12-01T10:00:00Z"), "sync", "", "from the first member"));
        }

        // A second member joins the same state from a directory of its own.
        Path second = root.resolve("second");
        Commands.run(new InitCommand(env::get), TestKernelContext.builder().root(second).console(console)
                .extension(provider).build(), List.of("--host", "127.0.0.1", "--port", "8443", "--token-id", "root@pam!mpc",
                "--token-secret-env", "PVE_SECRET", "--fingerprint", FakeProvider.FINGERPRINT, "--state", "postgresql",
                "--state-url", pg.url, "--state-user", pg.user, "--state-password-env", "TEAM_PG_PASSWORD",
                "--state-schema", schema));
        assertThat(console.output()).contains("joining the proxmox-mpc state already there");
        try (ProjectServices p = Projects.open(new Workspace(second), env::get, Clock.systemUTC())) {
            assertThat(p.state().events(10)).extracting(Event::detail).contains("from the first member");
        }
    }

    @Test
    void anUnreachableServerIsOneLineAndWritesNothing() {
        assertFailsWithNothingWritten(flags("jdbc:postgresql://127.0.0.1:1/mpc_test", pg.user, "TEAM_PG_PASSWORD"),
                "cannot reach PostgreSQL at 127.0.0.1:1 (connection refused)");
    }

    @Test
    void anUnknownHostIsOneLineAndWritesNothing() {
        assertFailsWithNothingWritten(flags("jdbc:postgresql://no-such-host.invalid:5432/mpc_test", pg.user,
                "TEAM_PG_PASSWORD"), "cannot reach PostgreSQL at no-such-host.invalid:5432 (unknown host)");
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePasswordAndWritesNothing() {
        env.put("TEAM_PG_PASSWORD", "wrong-pw-4711");
        assertFailsWithNothingWritten(flags(pg.url, pg.user, "TEAM_PG_PASSWORD"),
                "refused the role " + pg.user + " (authentication failed)");
    }

    @Test
    void aMissingDatabaseIsOneLineAndWritesNothing() {
        assertFailsWithNothingWritten(flags(otherDatabase("mpc_no_such_db"), pg.user, "TEAM_PG_PASSWORD"),
                "the database mpc_no_such_db does not exist");
    }

    @Test
    void noRightOnTheSchemaIsOneLineAndWritesNothing() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url, pg.user, pg.password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            s.execute("REVOKE CREATE ON SCHEMA " + schema + " FROM " + pg.user);
        }
        assertFailsWithNothingWritten(flags(pg.url, pg.user, "TEAM_PG_PASSWORD"),
                "may not create tables in the schema " + schema);
        try (Connection c = DriverManager.getConnection(pg.url, pg.user, pg.password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).as("no table created").isZero();
        }
    }

    @Test
    void anUnsetPasswordVariableIsOneLineAndWritesNothing() {
        assertFailsWithNothingWritten(flags(pg.url, pg.user, "NOT_SET_ANYWHERE"),
                "the environment variable NOT_SET_ANYWHERE (the PostgreSQL password, --state-password-env) is not set");
    }

    @Test
    void aPasswordInTheUrlIsRefused() {
        assertThatThrownBy(() -> init(flags(pg.url + "?password=secret-in-url", pg.user, "TEAM_PG_PASSWORD")))
                .isInstanceOf(UsageException.class).hasMessageContaining("must not carry the password")
                .hasMessageNotContaining("secret-in-url");
        assertThat(root.resolve(".proxmox")).doesNotExist();
    }

    @Test
    void theGuidedInitAsksWhereTheStateLives() throws Exception {
        console.answers("127.0.0.1", "8443", "token", "root@pam!mpc", FakeProvider.SECRET, "yes", "pve2",
                "postgresql", pg.url, pg.user, "TEAM_PG_PASSWORD", schema);
        CommandResult r = Commands.run(new InitCommand(env::get), TestKernelContext.builder().root(root).console(console)
                .extension(provider).build(), List.of());
        assertThat(r.succeeded()).isTrue();
        assertThat(console.output()).contains("Where should the state live");
        assertThat(new ConfigStore(new Workspace(root)).load().state())
                .isEqualTo(StateBackendConfig.postgresql(pg.url, pg.user, schema, "TEAM_PG_PASSWORD"));
    }

    private void assertFailsWithNothingWritten(String[] state, String message) {
        assertThatThrownBy(() -> init(state)).isInstanceOf(CommandException.class).hasMessageContaining(message)
                .hasMessageContaining("nothing was saved").hasMessageNotContaining("\n")
                .hasMessageNotContaining("wrong-pw-4711")
                .hasMessageNotContaining("Exception");
        assertThat(root.resolve(".proxmox")).doesNotExist();
        assertThat(home.resolve("workspaces.yml")).doesNotExist();
    }
}
