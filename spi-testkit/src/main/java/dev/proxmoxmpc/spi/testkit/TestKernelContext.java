package dev.proxmoxmpc.spi.testkit;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.command.internal.CommandLines;
import dev.proxmoxmpc.spi.command.internal.Declaration;
import dev.proxmoxmpc.spi.command.internal.GlobalFlags;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.kernel.Secrets;
import dev.proxmoxmpc.spi.kernel.Workspace;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A {@link KernelContext} for unit tests: real files under a workspace directory, an in-memory state store, a
 * recording console, the extensions you register, and a provider session you supply. {@link #execute} runs the
 * registered {@link ConsoleCommand}s; {@link #regenerate} runs the registered generators and writes their files.
 */
public final class TestKernelContext implements KernelContext {
    private final Console console;
    private final Workspace workspace;
    private final StateStore state;
    private final ProjectConfig config;
    private final List<Object> extensions;
    private final Supplier<ProviderSession> sessions;
    private final Map<String, String> secrets;
    private final Clock clock;
    private final TemplateRenderer templates;
    private final GeneratedFileWriter files;
    private final Set<String> approvalRequired;

    private TestKernelContext(Builder b) {
        this.console = b.console;
        this.workspace = new Workspace(b.root);
        this.state = b.state;
        this.config = b.config;
        this.extensions = List.copyOf(b.extensions);
        this.sessions = b.sessions;
        this.secrets = new HashMap<>(b.secrets);
        this.clock = b.clock;
        this.templates = new ClasspathTemplates(workspace.templatesDir());
        this.files = new GeneratedFileWriter(workspace, state);
        this.approvalRequired = Set.copyOf(b.approvalRequired);
    }

    /** @return a builder; {@link Builder#root(Path)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default config: environment {@code default} at {@code https://127.0.0.1:8006}, node {@code pve1}. */
    public static ProjectConfig defaultConfig() {
        EnvironmentConfig env = new EnvironmentConfig("default", "proxmox", "https://127.0.0.1:8006", "pve1",
                "root@pam!mpc", "", "", "", false);
        return new ProjectConfig("default", Map.of("default", env), "prefer-server", 4, Map.of());
    }

    @Override
    public Console console() {
        return console;
    }

    @Override
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public ProjectConfig config() {
        return config;
    }

    @Override
    public StateStore state() {
        return state;
    }

    @Override
    public Secrets secrets() {
        return new Secrets() {
            @Override
            public java.util.Optional<String> get(String name) {
                synchronized (secrets) {
                    return java.util.Optional.ofNullable(secrets.get(name));
                }
            }

            @Override
            public void put(String name, String value) {
                synchronized (secrets) {
                    secrets.put(name, value);
                }
            }
        };
    }

    @Override
    public TemplateRenderer templates() {
        return templates;
    }

    @Override
    public ProviderSession connect() {
        if (sessions == null) {
            throw new CommandException("no provider session in this test context");
        }
        return sessions.get();
    }

    @Override
    public GenerationReport regenerate(Inventory desired) {
        EnvironmentConfig env = config.environment();
        return files.regenerate(extensions(dev.proxmoxmpc.spi.iac.Generator.class), desired, env.name(), env.endpoint(),
                config, templates);
    }

    @Override
    public List<String> editedGeneratedFiles() {
        return files.edited();
    }

    @Override
    public <T> List<T> extensions(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object e : extensions) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /**
     * Runs a command line the way the console does, with the kernel's own classes: {@link CommandLines} splits it,
     * {@link GlobalFlags} takes out {@code --json} and {@code --yes} (set on a {@link RecordingConsole} for this
     * line), the longest registered name wins, and the command's {@link Declaration} parses its words.
     */
    @Override
    public CommandResult execute(String commandLine) {
        List<String> words;
        try {
            words = CommandLines.words(commandLine);
        } catch (UsageException e) {
            console.error(e.getMessage());
            return CommandResult.usage(e.getMessage());
        }
        GlobalFlags global = GlobalFlags.split(words);
        List<String> rest = new ArrayList<>(global.rest());
        if (!rest.isEmpty() && rest.get(0).startsWith("/")) {
            rest.set(0, rest.get(0).substring(1));
        }
        Declaration best = null;
        int bestLength = 0;
        for (ConsoleCommand c : extensions(ConsoleCommand.class)) {
            Declaration d = Declaration.of(c);
            for (String name : names(d)) {
                List<String> nameWords = List.of(name.split(" "));
                List<String> typed = rest.size() >= nameWords.size() ? rest.subList(0, nameWords.size()).stream()
                        .map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList() : List.of();
                if (nameWords.size() > bestLength && typed.equals(nameWords)) {
                    best = d;
                    bestLength = nameWords.size();
                }
            }
        }
        if (best == null) {
            return CommandResult.usage("unknown command: " + commandLine);
        }
        List<String> args = rest.subList(bestLength, rest.size());
        Declaration chosen = best;
        if (console instanceof RecordingConsole rec) {
            return rec.withFlags(global.json(), global.yes(), () -> run(chosen, args));
        }
        return run(chosen, args);
    }

    private CommandResult run(Declaration d, List<String> args) {
        try {
            CommandResult r = d.run(this, args);
            return r == null ? CommandResult.ok() : r;
        } catch (UsageException e) {
            String msg = e.getMessage() + "; usage: /" + d.usage();
            console.error(msg);
            return CommandResult.usage(msg);
        } catch (CommandException e) {
            console.error(e.getMessage());
            return CommandResult.failure(e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Declaration d) {
        List<String> names = new ArrayList<>();
        names.add(d.name());
        d.aliases().forEach(a -> names.add(Declaration.normalise(a)));
        return names;
    }

    @Override
    public void audit(AuditEntry entry) {
        state.appendAudit(entry);
    }

    @Override
    public boolean approvalRequired(String environment) {
        return approvalRequired.contains(environment);
    }

    @Override
    public String user() {
        return "tester";
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Builds a {@link TestKernelContext}. */
    public static final class Builder {
        private Path root;
        private Console console = new RecordingConsole();
        private StateStore state;
        private ProjectConfig config = defaultConfig();
        private final List<Object> extensions = new ArrayList<>();
        private Supplier<ProviderSession> sessions;
        private final Map<String, String> secrets = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private final Set<String> approvalRequired = new TreeSet<>();

        /** The project directory (e.g. a JUnit {@code @TempDir}). Required. */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        public Builder console(Console console) {
            this.console = console;
            return this;
        }

        /** Defaults to a fresh {@link InMemoryStateStore}. */
        public Builder state(StateStore state) {
            this.state = state;
            return this;
        }

        public Builder config(ProjectConfig config) {
            this.config = config;
            return this;
        }

        /** Registers extensions: commands, generators, importers, providers, policies. */
        public Builder extension(Object... extension) {
            extensions.addAll(List.of(extension));
            return this;
        }

        /** What {@link KernelContext#connect()} returns (called once per connect). */
        public Builder sessions(Supplier<ProviderSession> sessions) {
            this.sessions = sessions;
            return this;
        }

        public Builder secret(String name, String value) {
            secrets.put(name, value);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Environments that require approval ({@code require_approval: true}). */
        public Builder approvalRequired(String... environments) {
            approvalRequired.addAll(List.of(environments));
            return this;
        }

        public TestKernelContext build() {
            Objects.requireNonNull(root, "root");
            if (state == null) {
                state = new InMemoryStateStore(clock);
            }
            return new TestKernelContext(this);
        }
    }
}
