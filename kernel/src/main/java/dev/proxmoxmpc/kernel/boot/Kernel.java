package dev.proxmoxmpc.kernel.boot;

import dev.proxmoxmpc.kernel.builtin.Batch;
import dev.proxmoxmpc.spi.command.internal.CommandLines;
import dev.proxmoxmpc.kernel.context.KernelSettings;
import dev.proxmoxmpc.kernel.context.KernelVersion;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The embeddable kernel: what {@code proxmox-mpc ARGS} does, in-process.
 *
 * <pre>{@code
 * int exit = Kernel.builder().workingDir(dir).userHome(home).in(input).out(out).err(err)
 *         .env(Map.of("NO_COLOR", "1")).build().run("-c", "/help");
 * }</pre>
 */
public final class Kernel {
    private final Builder b;

    private Kernel(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs once with these arguments: {@code --version}, {@code -c 'a; b'}, a direct command
     * ({@code sync --json}), {@code run FILE}, commands on the input, or the interactive console.
     *
     * @return the process exit code (0 ok, 1 failure, 2 usage, 3 changes pending with --detailed-exitcode)
     */
    public int run(String... args) {
        if (args.length == 1 && args[0].equals("--version")) {
            b.out.println(KernelVersion.line());
            b.out.flush();
            return 0;
        }
        GlobalOptions opts = new GlobalOptions();
        CommandLine cl = new CommandLine(opts).setStopAtPositional(true).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            b.err.println("error: " + e.getMessage() + "; see proxmox-mpc --help");
            b.err.flush();
            return ExitCode.USAGE.code();
        }
        if (opts.help) {
            cl.usage(b.out, colourOff(opts) ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO);
            b.out.flush();
            return 0;
        }
        if (opts.version) {
            b.out.println(KernelVersion.line());
            b.out.flush();
            return 0;
        }
        opts.liftTrailingFlags();
        KernelSettings settings = settings(opts);
        Modes modes = new Modes(b.in, b.out, b.err, settings, opts, colourOff(opts));
        List<String> lines = new ArrayList<>();
        opts.commands.forEach(c -> lines.addAll(CommandLines.sequence(c)));
        if (!opts.words.isEmpty()) {
            lines.add(String.join(" ", opts.words.stream().map(CommandLines::quote).toList()));
        }
        CommandResult result;
        if (interactive() && (lines.isEmpty() || opts.stay)) {
            result = modes.interactive(lines);
        } else if (interactive() && opts.commands.isEmpty() && !opts.words.isEmpty()) {
            result = modes.directOnTerminal(lines.get(0));
        } else if (!opts.commands.isEmpty() || !opts.words.isEmpty()) {
            result = modes.batch(session -> Batch.run(session, lines, opts.keepGoing));
        } else {
            result = modes.stdin();
        }
        if (result.exitCode() == ExitCode.CHANGES_PENDING) {
            return opts.detailedExitcode ? ExitCode.CHANGES_PENDING.code() : 0;
        }
        return result.exitCode().code();
    }

    private boolean interactive() {
        if (b.interactive != null) {
            return b.interactive;
        }
        return b.in == System.in && b.out == System.out && System.console() != null;
    }

    private boolean colourOff(GlobalOptions opts) {
        String noColor = b.env.get("NO_COLOR");
        return opts.noColor || (noColor != null && !noColor.isEmpty());
    }

    private KernelSettings settings(GlobalOptions opts) {
        Path project = projectDir(opts.project);
        List<Path> roots = new ArrayList<>(b.pluginRoots != null ? b.pluginRoots : installRoots());
        roots.add(b.userHome.resolve(".proxmox-mpc").resolve("plugins"));
        roots.add(project.resolve(".proxmox").resolve("plugins"));
        return new KernelSettings(project, roots, b.extensions, b.env, b.userHome, opts.debug, opts.keepGoing,
                opts.detailedExitcode, b.clock);
    }

    private List<Path> installRoots() {
        Path home = b.home != null ? b.home : homeFromProperty();
        return home == null ? List.of() : List.of(home.resolve("plugins"));
    }

    private static Path homeFromProperty() {
        String h = System.getProperty("mpc.home");
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    private Path projectDir(Path explicit) {
        Path wd = b.workingDir.toAbsolutePath().normalize();
        if (explicit != null) {
            return wd.resolve(explicit).normalize();
        }
        for (Path p = wd; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".proxmox"))) {
                return p;
            }
        }
        return wd;
    }

    /** Configures a {@link Kernel}; every setting has the default a real process would use. */
    public static final class Builder {
        private Path workingDir = Path.of("").toAbsolutePath();
        private Path home;
        private List<Path> pluginRoots;
        private InputStream in = System.in;
        private PrintStream out = System.out;
        private PrintStream err = System.err;
        private Map<String, String> env = System.getenv();
        private Path userHome = Path.of(System.getProperty("user.home"));
        private Boolean interactive;
        private List<Object> extensions = List.of();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The current directory: where the project is looked for. Default: the process's. */
        public Builder workingDir(Path dir) {
            this.workingDir = Objects.requireNonNull(dir);
            return this;
        }

        /** The installation (bin/, lib/, plugins/). Default: the system property {@code mpc.home}. */
        public Builder home(Path mpcHome) {
            this.home = mpcHome;
            return this;
        }

        /**
         * The install's plugin folders, replacing {@code <home>/plugins}. {@code ~/.proxmox-mpc/plugins} and
         * the project's {@code .proxmox/plugins} are always searched after them.
         */
        public Builder pluginRoots(List<Path> roots) {
            this.pluginRoots = List.copyOf(roots);
            return this;
        }

        public Builder in(InputStream in) {
            this.in = Objects.requireNonNull(in);
            return this;
        }

        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        public Builder err(PrintStream err) {
            this.err = Objects.requireNonNull(err);
            return this;
        }

        /** The environment variables (NO_COLOR, PROXMOX_MPC_*_SECRET). Default: the process's. */
        public Builder env(Map<String, String> env) {
            this.env = Map.copyOf(env);
            return this;
        }

        /** Where {@code ~/.proxmox-mpc/} (history, plugins) lives. Default: {@code user.home}. */
        public Builder userHome(Path home) {
            this.userHome = Objects.requireNonNull(home);
            return this;
        }

        /**
         * Forces the interactive console ({@code true}: a JLine dumb terminal over {@link #in}/{@link #out} unless
         * they are the process's own) or batch mode ({@code false}). Default: interactive when stdin and stdout
         * are a terminal.
         */
        public Builder interactive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /** Extensions (commands, generators, providers) to use beside the plugins', e.g. in tests. */
        public Builder extensions(List<?> extensions) {
            this.extensions = List.copyOf(extensions);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Kernel build() {
            return new Kernel(this);
        }
    }
}
