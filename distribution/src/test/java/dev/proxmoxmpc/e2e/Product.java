package dev.proxmoxmpc.e2e;

import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the assembled product ({@code distribution/target/proxmox-mpc/bin/proxmox-mpc}) as a separate process,
 * the way a user does: in a working directory, with its own HOME, environment variables and standard input.
 *
 * <pre>{@code
 * Product product = Product.inHome(tempHome);
 * Product.Run run = product.run(projectDir, "-c", "/status --json");
 * assertThat(run.exitCode()).isZero();
 * }</pre>
 */
public final class Product {
    private static final long TIMEOUT_SECONDS = 300;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private Path dist = distDir();

    private Product(Path home) {
        this.home = home;
    }

    /** @return a product whose user home (history, logs, workspaces.yml) is {@code home}. */
    public static Product inHome(Path home) {
        return new Product(home);
    }

    /** @return the installed product directory (bin/, lib/, plugins/). */
    public static Path distDir() {
        String dir = System.getProperty("mpc.dist.dir");
        if (dir == null) {
            dir = Path.of("target", "proxmox-mpc").toAbsolutePath().toString();
        }
        return Path.of(dir);
    }

    /** Runs the product installed in {@code dir} (a copy of {@link #distDir()}) instead of the build's. */
    public Product installedAt(Path dir) {
        this.dist = dir;
        return this;
    }

    /** Sets an environment variable for every later run (e.g. {@code PROXMOX_MPC_DEFAULT_SECRET}). */
    public Product env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs the JVM with {@code options} too, beside the {@code user.home} every run gets. */
    public Product jvmOptions(String options) {
        return env("PROXMOX_MPC_OPTS", "-Duser.home=" + home + " " + options);
    }

    /**
     * Makes {@code project} a project of the simulator's cluster ({@code /init} with its port, token and fingerprint; the
     * secret in {@code PROXMOX_MPC_DEFAULT_SECRET} for this and every later run).
     */
    public Run init(Path project, SimulatorServer sim) {
        env("PROXMOX_MPC_DEFAULT_SECRET", sim.tokenSecret());
        return run(project, "init", "--host", "127.0.0.1", "--port", Integer.toString(sim.port()),
                "--token-id", sim.tokenId(), "--token-secret-env", "PROXMOX_MPC_DEFAULT_SECRET",
                "--fingerprint", sim.fingerprint());
    }

    /** Runs with no standard input. */
    public Run run(Path workDir, String... args) {
        return runWithInput(workDir, "", args);
    }

    /**
     * Starts the product without waiting for it (crash tests kill it); its output goes to {@code out} and
     * {@code out.err} beside it.
     */
    public Process start(Path workDir, Path out, String... args) {
        ProcessBuilder pb = builder(workDir, args).redirectOutput(out.toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile());
        try {
            Files.createDirectories(workDir);
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessBuilder builder(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(dist.resolve("bin/proxmox-mpc").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("PROXMOX_MPC_OPTS", "-Duser.home=" + home);
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs with {@code stdin} as standard input (not a terminal: batch mode reads commands from it). */
    public Run runWithInput(Path workDir, String stdin, String... args) {
        ProcessBuilder pb = builder(workDir, args);
        try {
            Files.createDirectories(workDir);
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("proxmox-mpc " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The outcome of one run.
     *
     * @param exitCode the process exit code
     * @param stdout   standard output
     * @param stderr   standard error
     */
    public record Run(int exitCode, String stdout, String stderr) {
        /** @return stdout and stderr together, for assertion messages. */
        public String all() {
            return stdout + (stderr.isEmpty() ? "" : "\n[stderr]\n" + stderr);
        }
    }
}
