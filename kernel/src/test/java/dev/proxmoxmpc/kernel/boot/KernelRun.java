package dev.proxmoxmpc.kernel.boot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the kernel in-process with captured output, for tests. */
public final class KernelRun {
    private final Path workDir;
    private final Path userHome;
    private List<?> extensions = List.of();
    private List<Path> pluginRoots = List.of();
    private String input = "";
    private Boolean interactive = false;
    private Map<String, String> env = Map.of("NO_COLOR", "1", "USER", "tester");

    public KernelRun(Path workDir, Path userHome) {
        this.workDir = workDir;
        this.userHome = userHome;
    }

    public KernelRun extensions(Object... extensions) {
        this.extensions = List.of(extensions);
        return this;
    }

    public KernelRun pluginRoots(Path... roots) {
        this.pluginRoots = List.of(roots);
        return this;
    }

    public KernelRun input(String input) {
        this.input = input;
        return this;
    }

    public KernelRun interactive(boolean interactive) {
        this.interactive = interactive;
        return this;
    }

    public KernelRun env(Map<String, String> env) {
        this.env = env;
        return this;
    }

    /** The outcome of one run. */
    public record Result(int exitCode, String out, String err) {}

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Kernel.builder()
                .workingDir(workDir)
                .userHome(userHome)
                .pluginRoots(pluginRoots)
                .extensions(extensions)
                .in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))
                .out(new PrintStream(out, true, StandardCharsets.UTF_8))
                .err(new PrintStream(err, true, StandardCharsets.UTF_8))
                .env(env)
                .interactive(interactive)
                .build()
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
