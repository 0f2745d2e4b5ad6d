package dev.proxmoxmpc.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * Outside tools a test runs (node and npm packages, Debian packages): a missing one skips the calling test with the
 * reason (printed on the console by {@link SkipReasons}), or fails it when {@code MPC_REQUIRE_EXTERNAL=1} (CI, where
 * {@code .ci/run} installs them).
 */
public final class ExternalTools {
    /** How a process ended. */
    public record Run(int exit, String out, String err) {
        /** @return standard output and error together, for assertion messages */
        public String all() {
            return out + err;
        }
    }

    private ExternalTools() {
    }

    /** @return whether outside tools must be there ({@code MPC_REQUIRE_EXTERNAL=1}) */
    public static boolean required() {
        return "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
    }

    /** Skips the calling test with {@code reason}, or fails it under {@code MPC_REQUIRE_EXTERNAL=1}. */
    public static void missing(String reason) {
        if (required()) {
            throw new AssertionError(reason + " (required: MPC_REQUIRE_EXTERNAL=1)");
        }
        throw new TestAbortedException(reason);
    }

    /** Skips (or fails) unless {@code cmd} runs and exits 0. */
    public static void need(String why, String... cmd) {
        if (!works(cmd)) {
            missing(cmd[0] + " is not installed: skipping " + why);
        }
    }

    /** @return whether {@code cmd} runs and exits 0 within a minute */
    public static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code cmd} in {@code dir} with extra environment variables and empty standard input. */
    public static Run run(Path dir, List<String> cmd, Map<String, String> env, Duration timeout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().putAll(env);
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path err = Files.createTempFile("mpc-run", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + cmd);
            }
            String e = Files.readString(err);
            Files.deleteIfExists(err);
            return new Run(p.exitValue(), out, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Installs npm packages for a test once: copies {@code files} from the class path folder {@code resources}
     * (a {@code package.json} that pins them, and the scripts) into {@code target/<name>} and runs {@code npm install}
     * there unless {@code node_modules} already has every package in {@code packages}.
     *
     * @return the folder
     */
    public static Path npm(String name, String resources, List<String> files, String... packages) {
        need("tests that need " + String.join(", ", packages), "node", "--version");
        need("tests that need " + String.join(", ", packages), "npm", "--version");
        Path dir = Path.of("target", name).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            for (String f : files) {
                try (InputStream in = ExternalTools.class.getResourceAsStream("/" + resources + "/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException("no test resource " + resources + "/" + f);
                    }
                    Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean installed = true;
        for (String p : packages) {
            installed &= Files.isDirectory(dir.resolve("node_modules").resolve(p));
        }
        if (!installed) {
            Run r = run(dir, List.of("npm", "install", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(10));
            if (r.exit() != 0) {
                missing("npm install of " + String.join(", ", packages) + " failed (offline?): " + r.all());
            }
        }
        return dir;
    }
}
