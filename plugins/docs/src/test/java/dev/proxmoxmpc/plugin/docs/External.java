package dev.proxmoxmpc.plugin.docs;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Outside tools the tests run (node, npm, shellcheck, curl, jq): a missing one skips the calling test with the
 * reason, or fails it when MPC_REQUIRE_EXTERNAL=1 (CI, where .ci/run installs them).
 */
final class External {
    /** How a process ended: exit code, standard output and standard error. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private External() {
    }

    static boolean required() {
        return "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
    }

    /** Skips (or fails under MPC_REQUIRE_EXTERNAL=1) unless {@code cmd} runs and exits 0. */
    static void need(String why, String... cmd) {
        if (works(cmd)) {
            return;
        }
        if (required()) {
            fail(cmd[0] + " is required (MPC_REQUIRE_EXTERNAL=1) but does not run: " + why);
        }
        assumeTrue(false, cmd[0] + " not installed: skipping " + why);
    }

    static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs {@code cmd} in {@code dir} with extra environment variables; stdin is empty. */
    static Run run(Path dir, List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path err = java.nio.file.Files.createTempFile("mpc-run", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        String e = java.nio.file.Files.readString(err);
        java.nio.file.Files.deleteIfExists(err);
        return new Run(p.exitValue(), out, e);
    }
}
