package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.kernel.command.CommandRunner;
import dev.proxmoxmpc.kernel.console.TerminalConsole;
import dev.proxmoxmpc.kernel.generate.FileGeneration;
import dev.proxmoxmpc.kernel.plugin.ExtensionCatalog;
import dev.proxmoxmpc.kernel.plugin.LoadedExtension;
import dev.proxmoxmpc.kernel.plugin.PluginHost;
import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.kernel.project.ProjectServices;
import dev.proxmoxmpc.kernel.project.Projects;
import dev.proxmoxmpc.kernel.secrets.ProjectSecrets;
import dev.proxmoxmpc.kernel.template.HandlebarsTemplates;
import dev.proxmoxmpc.spi.SpiVersion;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.console.StatusItem;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link KernelContext} for one run: the console, the project (opened lazily, once), plugins
 * (loaded lazily, on the first command that needs them) and the command registry.
 */
public final class KernelSession implements KernelContext, ProjectHost, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KernelSession.class);
    private final KernelSettings settings;
    private final TerminalConsole console;
    private final CommandRunner runner;
    private volatile Workspace workspace;
    private volatile TemplateRenderer templates;
    private PluginHost plugins;
    private ExtensionCatalog catalog;
    private CommandRegistry registry;
    private ProjectServices project;
    private boolean warnedInsecure;
    private volatile boolean exitRequested;
    /** The plugins' status bar items: the prompt waits this long for them at most. */
    private final StatusItems statusItems = new StatusItems(Duration.ofMillis(150));

    public KernelSession(KernelSettings settings, TerminalConsole console, boolean json, boolean yes) {
        this(settings, console, json, yes, null);
    }

    /**
     * @param loaded plugins another session loaded and {@linkplain #handOverPlugins() handed over} (their problems
     *               were reported there), or null to load them on first use
     */
    public KernelSession(KernelSettings settings, TerminalConsole console, boolean json, boolean yes,
                         LoadedPlugins loaded) {
        this.settings = settings;
        if (loaded != null) {
            this.plugins = loaded.host();
            this.catalog = loaded.catalog();
        }
        this.console = console;
        this.workspace = new Workspace(settings.projectDir());
        this.runner = new CommandRunner(this::registry, this, console, settings.debug(), json, yes);
    }

    /** @return the kernel's session behind a context handed to a built-in command. */
    public static KernelSession of(KernelContext ctx) {
        if (ctx instanceof KernelSession s) {
            return s;
        }
        throw new CommandException("this command needs the proxmox-mpc kernel");
    }

    public KernelSettings settings() {
        return settings;
    }

    public TerminalConsole terminalConsole() {
        return console;
    }

    /** @return the command registry; loads the plugins on first use and reports their problems once. */
    public synchronized CommandRegistry registry() {
        if (registry == null) {
            CommandRegistry r = new CommandRegistry();
            for (LoadedExtension e : catalog().all()) {
                if (e.instance() instanceof ConsoleCommand c) {
                    r.register(c, e.pluginId());
                }
            }
            r.problems().forEach(console::warn);
            registry = r;
        }
        return registry;
    }

    /** @return every extension, loading the plugins on first use. */
    public synchronized ExtensionCatalog catalog() {
        if (catalog == null) {
            plugins = PluginHost.load(settings.pluginRoots(), SpiVersion.current());
            catalog = ExtensionCatalog.of(settings.embedded(), plugins);
            catalog.problems().forEach(console::warn);
        }
        return catalog;
    }

    /** Plugins loaded by one session and carried on by the next, so plugin state (a running server) survives. */
    public record LoadedPlugins(PluginHost host, ExtensionCatalog catalog) {}

    /**
     * Gives this session's plugins (loading them first) to a session that follows it; this session no longer
     * closes them.
     */
    public synchronized LoadedPlugins handOverPlugins() {
        ExtensionCatalog c = catalog();
        LoadedPlugins loaded = new LoadedPlugins(plugins, c);
        plugins = null;
        catalog = null;
        registry = null;
        return loaded;
    }

    /** @return the loaded plugins (loading them first). */
    public synchronized PluginHost plugins() {
        catalog();
        return plugins;
    }

    public CommandRunner runner() {
        return runner;
    }

    /** @return one line for the console's start: the project, its current environment, the number of plugins. */
    public String statusLine() {
        StringBuilder sb = new StringBuilder("proxmox-mpc");
        Workspace ws = workspace;
        if (ws.initialised()) {
            sb.append(" | project ").append(ws.root().getFileName());
            try {
                sb.append(" | environment ").append(config().currentEnvironment());
            } catch (RuntimeException e) {
                sb.append(" | config: ").append(e.getMessage());
            }
        } else {
            sb.append(" | no project here (/init)");
        }
        PluginHost p = plugins;
        if (p != null) {
            sb.append(" | ").append(p.plugins().size()).append(" plugins");
        }
        return sb.toString();
    }

    /**
     * @return the interactive console's status bar ({@link StatusBar}): project, environment, last sync, drift; from
     *     local state only, never throws (a project that cannot be opened shows why instead)
     */
    public String statusBar() {
        Workspace ws = workspace;
        if (!ws.initialised()) {
            return StatusBar.noProject().text(clock().instant());
        }
        String name = String.valueOf(ws.root().getFileName());
        String bar;
        try {
            bar = new StatusBar(name, config().currentEnvironment(), state().lastSyncRun()).text(clock().instant());
        } catch (RuntimeException e) {
            return "proxmox-mpc | " + name + " | " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return bar + statusItems.text(() -> StatusBar.items(extensions(StatusItem.class), this));
    }

    /** Asks the interactive console or batch run to stop after this command. */
    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    @Override
    public java.util.Map<String, String> environment() {
        return settings.env();
    }

    @Override
    public Path mpcHome() {
        return settings.userDir();
    }

    /** Switches to another project directory (closing the open project). */
    @Override
    public synchronized void useWorkspace(Path root) {
        closeProject();
        workspace = new Workspace(root);
        templates = null;
        statusItems.reset();
    }

    @Override
    public Console console() {
        return console;
    }

    @Override
    public Workspace workspace() {
        return workspace;
    }

    /** @return the open project; opened on first use; a CommandException when there is none. */
    public synchronized ProjectServices project() {
        if (project == null) {
            Workspace ws = workspace;
            if (!ws.initialised()) {
                throw new CommandException("no project in " + ws.root() + "; run /init first");
            }
            project = Projects.open(ws, settings.env()::get, settings.clock());
        }
        return project;
    }

    @Override
    public ProjectConfig config() {
        return project().config();
    }

    @Override
    public StateStore state() {
        return project().state();
    }

    @Override
    public Secrets secrets() {
        // Before /init, secrets.yml can still be written (and read by /init): a script or /demo stores the secret first.
        Secrets projectSecrets = workspace.initialised() ? project().secrets()
                : new ProjectSecrets(workspace.secretsFile(), n -> null, java.util.Map.of());
        return new EnvironmentSecrets(settings.env(), projectSecrets);
    }

    @Override
    public TemplateRenderer templates() {
        TemplateRenderer t = templates;
        if (t == null) {
            t = new HandlebarsTemplates(workspace.templatesDir());
            templates = t;
        }
        return t;
    }

    @Override
    public ProviderSession connect() {
        ProjectConfig cfg = config();
        EnvironmentConfig env = cfg.environment();
        boolean warn;
        synchronized (this) {
            warn = env.insecure() && !warnedInsecure;
            warnedInsecure |= env.insecure();
        }
        if (warn) {
            console.warn("TLS verification is off for environment '" + env.name()
                    + "' (insecure: true); pin the certificate fingerprint instead");
        }
        return Connections.connect(env, cfg.parallelism(), secrets(), catalog().of(
                dev.proxmoxmpc.spi.provider.InfrastructureProvider.class), workspace.cacheDir());
    }

    @Override
    public GenerationReport regenerate(Inventory desired) {
        ProjectConfig cfg = config();
        EnvironmentConfig env = cfg.environment();
        TemplateRenderer renderer = templates();
        List<Generator> generators = extensions(Generator.class);
        Inventory observed = state().load(StateKind.OBSERVED);
        Map<String, List<Volume>> containerTemplates = ContainerTemplates.cached(this::connect, observed);
        try (Progress progress = console.progress("Generating files", generators.size())) {
            return new FileGeneration(workspace, state()).run(generators, id -> new GenerationRequest(desired, env.name(),
                    env.endpoint(), cfg.generatorOptions(id), renderer, observed, containerTemplates), progress);
        }
    }

    @Override
    public List<String> editedGeneratedFiles() {
        return new FileGeneration(workspace, state()).editedFiles();
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        return catalog().of(type);
    }

    @Override
    public CommandResult execute(String commandLine) {
        return runner.run(commandLine);
    }

    @Override
    public void audit(AuditEntry entry) {
        try {
            if (workspace.initialised()) {
                project().audit(entry);
            }
        } catch (RuntimeException e) {
            LOG.warn("audit entry not written: {}", e.getMessage(), e);
        }
    }

    @Override
    public String user() {
        String u = settings.env().get("USER");
        return u == null || u.isBlank() ? System.getProperty("user.name", "unknown") : u;
    }

    @Override
    public Clock clock() {
        return settings.clock();
    }

    private synchronized void closeProject() {
        if (project != null) {
            project.close();
            project = null;
        }
    }

    @Override
    public synchronized void close() {
        statusItems.close();
        closeProject();
        if (plugins != null) {
            plugins.close();
        }
    }
}
