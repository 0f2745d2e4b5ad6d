package dev.proxmoxmpc.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.command.CommandRegistry;
import dev.proxmoxmpc.kernel.command.CommandRunner;
import dev.proxmoxmpc.kernel.command.RegisteredCommand;
import dev.proxmoxmpc.kernel.console.TerminalConsole;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Hostile input for every command (issue 19, item 5): each registered command of the kernel and of every bundled
 * plugin is run through the kernel's own {@link CommandRunner} (line splitting, global flags, one line per error)
 * over the test kit's context, with random and hostile values for every option and positional its declaration has
 * (huge and negative numbers, empty, Unicode, {@code ../../x}, a NUL byte, a very long string, an option without its
 * value, an unknown option). Each line must end with exit 0, 1 or 2; a usage error (2) prints exactly one line; no
 * output names a Java exception class or shows a stack trace; and nothing is written outside the project except at
 * a path the command was told to write ({@code /export DIR}, {@code --junit}, {@code --sarif}, {@code --out},
 * {@code workspace clone NAME [--to DIR]}).
 * The random values come from a fixed seed (printed with a failure), so a failure repeats.
 */
class HostileInputTest {
    private static final long SEED = 20261206L;
    /** Long-running or process-level commands: a server, a full-screen loop, the demo tour, leaving the console. */
    private static final Set<String> NOT_FUZZED = Set.of("simulator", "demo", "top", "exit");
    /** Options that name a file the command writes (its parent may be anywhere the user says). */
    private static final Set<String> WRITES_TO = Set.of("--junit", "--sarif", "--out", "--to");
    private static final Pattern LEAK = Pattern.compile(
            "\\b(java|javax|sun|jdk|picocli|org\\.apache|com\\.fasterxml)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]*(Exception|Error)\\b"
                    + "|^\\s+at [a-z]|\\bCaused by\\b", Pattern.MULTILINE);
    private static final Path OUTSIDE = Path.of(System.getProperty("java.io.tmpdir"), "mpc-hostile-" + SEED);
    private static final List<String> HOSTILE = List.of(
            "999999999999999999999G", "999999999999999999999", "-999999999999999999999", "-5", "-1", "0", "",
            "ünïcødé-名前-✓", "../../x", "../../../../../../../../../../.." + OUTSIDE + "/x", "a\u0000b", "%s%n{}",
            "x".repeat(5000), "1e309", "NaN", "$(touch pwned)", "--", "/", ".");

    @TempDir
    static Path sandbox;
    private static CommandRegistry registry;
    private static List<Object> extensions;
    private static Path project;
    private static String userDirBefore;
    /** What the test JVM's working directory holds before: a command must never write there (it is not the project). */
    private static Set<String> workingDirBefore;
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hostile-input");
        t.setDaemon(true);
        return t;
    });

    /** What the file system's root held before: no line may add to it. */
    private static Set<Path> ROOT_BEFORE;

    @BeforeAll
    static void registerEveryBundledCommand() throws Exception {
        try (Stream<Path> root = Files.list(Path.of("/"))) {
            ROOT_BEFORE = new TreeSet<>(root.toList());
        }
        extensions = BundledCommands.extensions();
        registry = BundledCommands.registry(extensions);
        assertThat(registry.problems()).isEmpty();
        project = Files.createDirectories(sandbox.resolve("a/b/project"));
        Files.createDirectories(project.resolve(".proxmox"));
        Files.writeString(project.resolve(".proxmox/config.yml"), """
                current_environment: default
                environments:
                  default:
                    endpoint: https://127.0.0.1:9/
                    node: pve1
                    token_id: root@pam!mpc
                """);
        workingDirBefore = names(Path.of("").toAbsolutePath());
        userDirBefore = System.getProperty("proxmox-mpc.user-dir");
        System.setProperty("proxmox-mpc.user-dir", Files.createDirectories(sandbox.resolve("home")).toString());
    }

    @AfterAll
    static void restore() {
        if (userDirBefore == null) {
            System.clearProperty("proxmox-mpc.user-dir");
        } else {
            System.setProperty("proxmox-mpc.user-dir", userDirBefore);
        }
        RUNNER.shutdownNow();
    }

    @Test
    void everyOptionAndPositionalOfEveryCommandRefusesHostileValuesInOneLine() throws Exception {
        Random random = new Random(SEED);
        Set<Path> allowed = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        int lines = 0;
        for (RegisteredCommand rc : registry.commands()) {
            if (NOT_FUZZED.contains(rc.name())) {
                continue;
            }
            for (String line : lines(rc, random, allowed)) {
                lines++;
                String problem = check(line);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        problems.addAll(writesOutsideTheProject(allowed));
        try (Stream<Path> now = Files.list(Path.of("/"))) {
            now.filter(p -> !ROOT_BEFORE.contains(p)).forEach(p -> problems.add("wrote " + p + " at the file system's root"));
        }
        assertThat(lines).as("lines tried").isGreaterThan(1000);
        assertThat(problems).as("seed " + SEED + ", " + lines + " lines").isEmpty();
    }

    @Test
    void theCheckCatchesALeakAnExtraLineAndAnEscape() {
        assertThat(LEAK.matcher("/create vm (plugin 'resources') failed: NumberFormatException: For input string").find()).isTrue();
        assertThat(LEAK.matcher("\tat dev.proxmoxmpc.X.y(X.java:1)").find()).isTrue();
        assertThat(LEAK.matcher("error: java.lang.IllegalStateException").find()).isTrue();
        assertThat(LEAK.matcher("--memory must be a size like 8G or 8192 (MiB), got '99G'").find()).isFalse();
        assertThat(LEAK.matcher("unknown option '--nope'; usage: /cache [list|clear]").find()).isFalse();
        assertThat(usageProblem("x", "one\ntwo\n")).contains("2 lines");
        assertThat(usageProblem("x", "one line\n")).isNull();
    }

    private static List<String> lines(RegisteredCommand rc, Random random, Set<Path> allowed) {
        String name = "/" + rc.name();
        List<String> out = new ArrayList<>();
        out.add(name + " --no-such-option-zz");
        out.add(name + " --no-such-option-zz=1 extra words here");
        for (ArgSpec arg : rc.declaration().spec().args()) {
            if (arg.hidden()) {
                continue;
            }
            List<String> values = new ArrayList<>(HOSTILE);
            values.add(randomWord(random));
            values.add(Long.toString(random.nextLong()));
            values.add(random.nextInt(100000) + "G");
            if (arg instanceof OptionSpec o) {
                String flag = o.longestName();
                if (o.names().length > 0 && List.of(o.names()).contains("--help")) {
                    continue;
                }
                out.add(name + " " + flag); // without its value
                boolean takesValue = o.arity().max() > 0;
                for (String v : values) {
                    if (takesValue) {
                        // a flag's "value" would be the command's positional (/export --force '/' writes into /)
                        out.add(name + " " + flag + " " + quote(v));
                    }
                    out.add(name + " " + flag + "=" + quote(v));
                    if (WRITES_TO.contains(flag)) {
                        allow(allowed, v);
                    }
                }
            } else {
                for (String v : values) {
                    out.add(name + " " + quote(v));
                    if (rc.name().equals("export") || rc.name().equals("workspace clone")) {
                        allow(allowed, v);
                    }
                }
            }
        }
        return out;
    }

    /** A path the command is told to write: relative to the project, and its clone's sibling ({@code workspace clone}). */
    private static void allow(Set<Path> allowed, String value) {
        try {
            for (Path p : List.of(project.resolve(value).normalize(), project.resolveSibling(value).normalize())) {
                if (!sandbox.startsWith(p)) { // "/" or ".." must not allow the whole sandbox
                    allowed.add(p);
                }
            }
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: nothing can be written there
        }
    }

    private static String check(String line) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TerminalConsole console = new TerminalConsole(new PrintWriter(out, true), new PrintWriter(err, true), false, null, false);
        TestKernelContext ctx = TestKernelContext.builder().root(project).console(console)
                .extension(extensions.toArray()).build();
        CommandRunner runner = new CommandRunner(() -> registry, ctx, console, false, false, true);
        CommandResult result;
        Future<CommandResult> run = RUNNER.submit(() -> runner.run(line));
        try {
            result = run.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return shown(line) + ": did not finish in 60 s";
        } catch (Exception e) {
            return shown(line) + ": threw " + e.getCause();
        }
        String all = out + "\n" + err;
        int code = result.exitCode().code();
        if (code < 0 || code > 2) {
            return shown(line) + ": exit " + code;
        }
        if (LEAK.matcher(all).find()) {
            return shown(line) + ": exit " + code + ", leaks internals: " + shown(all.strip());
        }
        return code == 2 ? usageProblem(line, err.toString()) : null;
    }

    private static String usageProblem(String line, String err) {
        List<String> shownLines = err.lines().filter(l -> !l.isBlank()).toList();
        return shownLines.size() == 1 ? null : shown(line) + ": usage error in " + shownLines.size() + " lines: " + shown(err);
    }

    private static List<String> writesOutsideTheProject(Set<Path> allowed) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<Path> written = new TreeSet<>();
        try (Stream<Path> all = Files.walk(sandbox)) {
            all.filter(p -> !p.startsWith(project) && !p.startsWith(sandbox.resolve("home")) && !Files.isDirectory(p))
                    .forEach(written::add);
        }
        if (Files.exists(OUTSIDE)) { // a file there is fine only at a path a command was told to write (OUTSIDE/x)
            try (Stream<Path> all = Files.walk(OUTSIDE)) {
                all.filter(p -> !Files.isDirectory(p)).forEach(written::add);
            }
        }
        Path cwdEscape = Path.of("../../x").toAbsolutePath().normalize();
        if (Files.exists(cwdEscape)) {
            written.add(cwdEscape);
        }
        for (Path p : written) {
            if (allowed.stream().noneMatch(p::startsWith)) {
                problems.add("wrote outside the project: " + p);
            }
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (String name : names(cwd)) {
            if (!workingDirBefore.contains(name)) {
                problems.add("wrote into the working directory: " + cwd.resolve(name));
                deleteTree(cwd.resolve(name));
            }
        }
        deleteTree(OUTSIDE);
        return problems;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String randomWord(Random random) {
        String alphabet = "abcXYZ019-_.:/=,@%+~^&*()[]{}<>|!?# \t\u00e9\u4e2d";
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String quote(String v) {
        return "'" + v.replace("'", "") + "'";
    }

    private static String shown(String s) {
        String one = s.replace("\u0000", "\\0").replace("\n", "\\n");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
