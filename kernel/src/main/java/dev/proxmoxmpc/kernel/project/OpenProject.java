package dev.proxmoxmpc.kernel.project;

import dev.proxmoxmpc.kernel.audit.AuditLog;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.LoadedConfig;
import dev.proxmoxmpc.kernel.config.StateBackendConfig;
import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.kernel.state.MyBatisStateStore;
import dev.proxmoxmpc.kernel.state.PortableState;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened project. The config is re-read when config.yml changes on disk (so {@code /environment switch} takes
 * effect in the same session); the state store opens on first use and acts for the current environment (its
 * observed state, history and locks; the desired state is shared). Thread-safe.
 */
final class OpenProject implements ProjectServices {
    private static final Logger LOG = LoggerFactory.getLogger(OpenProject.class);
    private final Workspace workspace;
    private final Function<String, String> env;
    private final Clock clock;
    private final ConfigStore configStore;
    private final AuditLog auditLog;
    private LoadedConfig loaded;
    private Object loadedStamp;
    private MyBatisStateStore store;
    private StateBackendConfig storeBackend;
    private boolean closed;

    OpenProject(Workspace workspace, Function<String, String> env, Clock clock) {
        this.workspace = workspace;
        this.env = env;
        this.clock = clock;
        this.configStore = new ConfigStore(workspace);
        this.auditLog = new AuditLog(workspace.auditLog());
        loaded();
    }

    private synchronized LoadedConfig loaded() {
        Object stamp = stamp();
        if (loaded == null || !Objects.equals(stamp, loadedStamp)) {
            loaded = configStore.load();
            loadedStamp = stamp;
        }
        return loaded;
    }

    private Object stamp() {
        try {
            FileTime t = Files.getLastModifiedTime(workspace.configFile());
            return t.toMillis() + ":" + Files.size(workspace.configFile());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public ProjectConfig config() {
        return loaded().project();
    }

    @Override
    public synchronized StateStore state() {
        if (closed) {
            throw new CommandException("the project in " + workspace.root() + " is closed");
        }
        StateBackendConfig backend = loaded().state();
        if (store != null && !backend.equals(storeBackend)) {
            // config.yml now names another backend (/state migrate): the next use opens that one.
            store.close();
            store = null;
        }
        if (store == null) {
            storeBackend = backend;
            if (backend.postgresql()) {
                String password = postgresPassword(backend);
                store = StateStores.postgresql(backend.url(), backend.user(), password, backend.schema(),
                        workspace.historyDir(), clock);
            } else if (!Files.exists(workspace.stateDb()) && Files.isRegularFile(PortableState.file(workspace))) {
                store = StateStores.sqlite(workspace.stateDb(), workspace.historyDir(), clock, StateStores.Missing.CREATE);
                PortableState.seed(workspace, store, clock);
            } else {
                store = StateStores.sqlite(workspace.stateDb(), workspace.historyDir(), clock, StateStores.Missing.FAIL);
            }
            store.claimUnassigned(currentEnvironment());
        }
        return store.forEnvironment(currentEnvironment());
    }

    /** @return the store acting for environment {@code name} (its observed state, history and locks) */
    @Override
    public synchronized StateStore state(String name) {
        state();
        return store.forEnvironment(name);
    }

    private String currentEnvironment() {
        String current = loaded().project().currentEnvironment();
        return current.isEmpty() ? "default" : current;
    }

    private String postgresPassword(StateBackendConfig backend) {
        if (!backend.passwordEnv().isEmpty()) {
            String v = env.apply(backend.passwordEnv());
            if (v == null || v.isEmpty()) {
                throw new CommandException("the postgresql state backend reads its password from the environment "
                        + "variable " + backend.passwordEnv() + " (state.password_env), which is not set");
            }
            return v;
        }
        return secrets().get(StateBackendConfig.PASSWORD_SECRET).orElseThrow(() ->
                new CommandException("the postgresql state backend needs its password in "
                        + SecretNames.environmentVariable(StateBackendConfig.PASSWORD_SECRET)
                        + " or under 'postgresql' in .proxmox/secrets.yml"));
    }

    @Override
    public Secrets secrets() {
        return new ProjectSecrets(workspace.secretsFile(), env, loaded().secretEnvs(), loaded().secretCommands());
    }

    @Override
    public void audit(AuditEntry entry) {
        try {
            auditLog.append(entry);
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot append to {}: {}", workspace.auditLog(), e.getMessage());
        }
        try {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            state().appendAudit(entry);
        } catch (RuntimeException e) {
            LOG.warn("cannot record an audit entry in the state store: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
