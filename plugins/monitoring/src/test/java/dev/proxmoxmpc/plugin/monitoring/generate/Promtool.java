package dev.proxmoxmpc.plugin.monitoring.generate;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code promtool} (Debian's {@code prometheus} package, installed by {@code .ci/run}). Skips the calling
 * test when it is missing, unless {@code MPC_REQUIRE_EXTERNAL=1}.
 */
final class Promtool {
    private Promtool() {
    }

    /** The outcome of one run. */
    record Result(int exitCode, String output) {}

    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        Path tool = find();
        List<String> cmd = new ArrayList<>(List.of(tool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("promtool " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "promtool");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if ("1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"))) {
            fail("promtool is required (MPC_REQUIRE_EXTERNAL=1) but not found on PATH: apt-get install prometheus");
        }
        assumeTrue(false, "promtool not installed (Debian package prometheus): skipping the Prometheus config checks");
        throw new IllegalStateException("unreachable");
    }
}
