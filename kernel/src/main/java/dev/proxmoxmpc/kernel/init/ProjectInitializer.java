package dev.proxmoxmpc.kernel.init;

import dev.proxmoxmpc.kernel.backend.PostgresTarget;
import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.kernel.workspace.ProjectLayout;
import dev.proxmoxmpc.kernel.workspace.WorkspaceRegistry;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.StateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a new project: directories, .gitignore, config.yml, secrets.yml (0600), an empty state.db. */
final class ProjectInitializer {
    private final Workspace ws;
    private final Clock clock;

    ProjectInitializer(Workspace ws, Clock clock) {
        this.ws = ws;
        this.clock = clock;
    }

    /**
     * @param postgres         the PostgreSQL state (checked already), or empty for SQLite in .proxmox/state.db
     * @param postgresPassword its password (never written anywhere)
     * @return where the secret is kept
     */
    String write(InitRequest r, InitDialogue.Credentials creds, List<String> warnings, Optional<PostgresTarget> postgres,
                 String postgresPassword) {
        // PostgreSQL first: its tables are created (or an existing state's schema checked) before any file is written.
        postgres.ifPresent(t -> openPostgres(t, postgresPassword));
        try {
            ProjectLayout.create(ws);
        } catch (IOException e) {
            throw new CommandException("cannot create the project in " + ws.root() + ": " + e.getMessage());
        }
        String secretIn;
        if (creds.typed()) {
            new ProjectSecrets(ws.secretsFile(), n -> null, Map.of()).put(r.name(), creds.secret());
            secretIn = ".proxmox/secrets.yml";
        } else {
            secretIn = creds.customVariable().isEmpty() ? SecretNames.environmentVariable(r.name()) : creds.customVariable();
        }
        new ConfigStore(ws).write(document(r, creds, postgres));
        if (postgres.isEmpty()) {
            createState(r.force(), warnings);
        }
        return secretIn;
    }

    private void openPostgres(PostgresTarget t, String password) {
        try (MyBatisStateStore store = StateStores.postgresql(t.url(), t.user(), password, t.schema(), ws.historyDir(), clock)) {
            store.events(1);
        } catch (StateException e) {
            throw new CommandException(e.getMessage() + "; nothing was saved");
        }
    }

    private static ConfigDocument document(InitRequest r, InitDialogue.Credentials creds, Optional<PostgresTarget> postgres) {
        ConfigDocument doc = new ConfigDocument();
        postgres.ifPresent(t -> doc.state = t.document());
        doc.currentEnvironment = r.name();
        ConfigDocument.EnvironmentDocument env = new ConfigDocument.EnvironmentDocument();
        env.provider = r.provider();
        env.endpoint = r.endpoint();
        env.node = r.node();
        env.tokenId = r.tokenId();
        env.username = r.username();
        env.secretEnv = creds.customVariable();
        env.tls.fingerprint = r.fingerprint();
        env.tls.caFile = r.caFile();
        env.tls.insecure = r.insecure();
        doc.environments.put(r.name(), env);
        return doc;
    }

    /** Creates (or, with --force, repairs) state.db; a corrupt one is moved aside, never overwritten. */
    private void createState(boolean force, List<String> warnings) {
        try {
            open();
        } catch (StateException e) {
            if (!force) {
                throw e;
            }
            Path aside = ws.stateDb().resolveSibling("state.db.broken-"
                    + DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant()));
            try {
                Files.move(ws.stateDb(), aside);
                for (String suffix : List.of("-wal", "-shm")) {
                    Files.deleteIfExists(ws.stateDb().resolveSibling("state.db" + suffix));
                }
            } catch (IOException io) {
                throw new CommandException("cannot move the broken state database aside: " + io.getMessage());
            }
            warnings.add("the old state database was unusable and was moved to .proxmox/" + aside.getFileName());
            open();
        }
    }

    private void open() {
        try (MyBatisStateStore store = StateStores.sqlite(ws.stateDb(), ws.historyDir(), clock, StateStores.Missing.CREATE)) {
            store.events(1);
        }
    }

    /** Registers the project in ~/.proxmox-mpc/workspaces.yml under its directory name (made unique). */
    static void register(WorkspaceRegistry reg, Workspace ws, List<String> warnings) {
        try {
            if (reg.nameOf(ws.root()).isPresent()) {
                return;
            }
            String base = ws.root().getFileName() == null ? "project"
                    : ws.root().getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^[.-]+", "");
            base = base.isEmpty() ? "project" : base;
            String name = base;
            for (int n = 2; reg.all().containsKey(name); n++) {
                name = base + "-" + n;
            }
            reg.register(name, ws.root());
        } catch (CommandException e) {
            warnings.add("not registered in the workspace list: " + e.getMessage());
        }
    }
}
