package dev.proxmoxmpc.kernel.context;

import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.kernel.command.CommandRunner;
import dev.proxmoxmpc.kernel.config.ConfigDocument;
import dev.proxmoxmpc.kernel.config.ConfigStore;
import dev.proxmoxmpc.kernel.config.GeneratorOptions;
import dev.proxmoxmpc.kernel.console.TerminalConsole;
import dev.proxmoxmpc.kernel.generate.FileGeneration;
import dev.proxmoxmpc.kernel.generate.GenerationInputs;
import dev.proxmoxmpc.kernel.plugin.ExtensionCatalog;
import dev.proxmoxmpc.kernel.plugin.LoadedExtension;
import dev.proxmoxmpc.kernel.plugin.PluginHost;
import dev.proxmoxmpc.kernel.project.ProjectHost;
import dev.proxmoxmpc.kernel.project.ProjectServices;
import dev.proxmoxmpc.spi.command.CapturedRun;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.kernel.StandardStreams;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Volume;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.StateStore;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's {@link KernelContext} for one run: a facade over the session's parts, each with one job: the
 * plugins ({@link SessionPlugins}: loaded lazily, on the first command that needs them), the project
 * ({@link SessionProject}: opened lazily, once), the status text ({@link SessionStatus}), the TLS warning
 * ({@link InsecureTlsWarning}), and the command registry and runner.
 */
public final class KernelSession implements KernelContext, ProjectHost, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KernelSession.class);
    private final KernelSettings settings;
    private final TerminalConsole console;
    private final CommandRunner runner;
    private final SessionPlugins plugins;
    private final SessionProject project;
    private final SessionStatus status = new SessionStatus();
    private final InsecureTlsWarning tlsWarning = new InsecureTlsWarning();
    private CommandRegistry registry;
    private volatile boolean exitRequested;
    private final Object captureLock = new Object();
    private OfferedStreams streams;

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
        this.console = console;
        this.plugins = new SessionPlugins(settings, console, loaded);
        this.project = new SessionProject(settings);
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
    public ExtensionCatalog catalog() {
        return plugins.catalog();
    }

    /** Plugins loaded by one session and carried on by the next, so plugin state (a running server) survives. */
    public record LoadedPlugins(PluginHost host, ExtensionCatalog catalog) {}

    /**
     * Gives this session's plugins (loading them first) to a session that follows it; this session no longer
     * closes them.
     */
    public synchronized LoadedPlugins handOverPlugins() {
        LoadedPlugins loaded = plugins.handOver();
        registry = null;
        return loaded;
    }

    /** @return the loaded plugins (loading them first). */
    public PluginHost plugins() {
        return plugins.host();
    }

    public CommandRunner runner() {
        return runner;
    }

    /** @return one line for the console's start: the project, its current environment, the number of plugins. */
    public String statusLine() {
        return status.line(this, plugins.loadedOrNull());
    }

    /**
     * @return the interactive console's status bar ({@link StatusBar}): project, environment, last sync, drift; from
     *     local state only, never throws (a project that cannot be opened shows why instead)
     */
    public String statusBar() {
        return status.bar(this);
    }

    /** Asks the interactive console or batch run to stop after this command. */
    public void requestExit() {
        exitRequested = true;
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    @Override
    public Map<String, String> environment() {
        return settings.env();
    }

    @Override
    public Path mpcHome() {
        return settings.userDir();
    }

    /** Switches to another project directory (closing the open project). */
    @Override
    public void useWorkspace(Path root) {
        project.switchTo(root);
        status.reset();
    }

    @Override
    public Console console() {
        return console;
    }

    @Override
    public Workspace workspace() {
        return project.workspace();
    }

    /** @return the open project; opened on first use; a CommandException when there is none. */
    public ProjectServices project() {
        return project.project();
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
        return project.secrets();
    }

    @Override
    public TemplateRenderer templates() {
        return project.templates();
    }

    @Override
    public ProviderSession connect() {
        ProjectConfig cfg = config();
        EnvironmentConfig env = cfg.environment();
        tlsWarning.beforeConnecting(env, console);
        return Connections.connect(env, cfg.parallelism(), secrets(), catalog().of(InfrastructureProvider.class),
                workspace().cacheDir());
    }

    @Override
    public GenerationReport regenerate(Inventory desired) {
        return regenerate(desired, state().load(StateKind.OBSERVED));
    }

    @Override
    public GenerationReport regenerate(Inventory desired, Inventory observed) {
        ProjectConfig cfg = config();
        EnvironmentConfig env = cfg.environment();
        TemplateRenderer renderer = templates();
        List<Generator> generators = extensions(Generator.class);
        Map<String, List<Volume>> containerTemplates = ContainerTemplates.cached(this::connect, observed);
        String pin = GeneratorOptions.pin(workspace(), env.name());
        // generated files never depend on uptime; without it, an unchanged cluster is an unchanged generation (skipped)
        Inventory desiredFiles = GenerationInputs.withoutUptime(desired);
        Inventory observedFiles = GenerationInputs.withoutUptime(observed);
        String overrides = GenerationInputs.ofDirectory(workspace().templatesDir());
        String context = overrides == null ? null : "kernel " + KernelVersion.current() + "; templates " + overrides;
        try (Progress progress = console.progress("Generating files", generators.size())) {
            return new FileGeneration(workspace(), state()).run(generators, id -> new GenerationRequest(desiredFiles,
                    env.name(), env.endpoint(), GeneratorOptions.of(cfg, id, pin), renderer, observedFiles, containerTemplates),
                    progress, context);
        }
    }

    @Override
    public List<String> editedGeneratedFiles() {
        return new FileGeneration(workspace(), state()).editedFiles();
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
    public CapturedRun capture(String commandLine) {
        synchronized (captureLock) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            TerminalConsole.Writers previous = console.redirect(
                    new TerminalConsole.Writers(new PrintWriter(out, true), new PrintWriter(err, true)));
            try {
                CommandResult result = runner.run(commandLine);
                return new CapturedRun(result, out.toString(), err.toString());
            } finally {
                console.redirect(previous);
            }
        }
    }

    /**
     * Offers the process's standard streams to a command that speaks a protocol on them (batch mode only); the first
     * {@link #claimStandardStreams()} takes them.
     */
    public void offerStandardStreams(InputStream in, PrintStream out, PrintStream err) {
        this.streams = new OfferedStreams(in, out, err);
    }

    private record OfferedStreams(InputStream in, PrintStream out, PrintStream err) {}

    @Override
    public synchronized Optional<StandardStreams> claimStandardStreams() {
        OfferedStreams offered = streams;
        if (offered == null) {
            return Optional.empty();
        }
        streams = null;
        PrintWriter toErr = new PrintWriter(new OutputStreamWriter(offered.err(), StandardCharsets.UTF_8), true);
        console.redirect(new TerminalConsole.Writers(toErr, toErr));
        return Optional.of(new StandardStreams(offered.in(), offered.out()));
    }

    @Override
    public void audit(AuditEntry entry) {
        try {
            if (workspace().initialised()) {
                project().audit(entry);
            }
        } catch (RuntimeException e) {
            LOG.warn("audit entry not written: {}", e.getMessage(), e);
        }
    }

    @Override
    public boolean approvalRequired(String environment) {
        if (!workspace().initialised()) {
            return false;
        }
        ConfigDocument.EnvironmentDocument env = new ConfigStore(workspace()).read().environments.get(environment);
        return env != null && Boolean.TRUE.equals(env.requireApproval);
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

    @Override
    public void close() {
        status.close();
        project.close();
        plugins.close();
    }
}
