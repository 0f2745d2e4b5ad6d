package dev.proxmoxmpc.plugin.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs outside tools; a missing one skips the calling test, or fails it under MPC_REQUIRE_EXTERNAL=1. */
final class ExternalTool {
    /** The result of running a command: exit code and output (stdout and stderr together). */
    record Run(int exit, String out) {}

    private ExternalTool() {}

    static boolean required() {
        return "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
    }

    /** Skips (or fails when required) with {@code why} unless {@code present}. */
    static void need(boolean present, String why) {
        if (!present) {
            if (required()) {
                fail(why + " (required: MPC_REQUIRE_EXTERNAL=1)");
            }
            assumeTrue(false, why + ": skipping");
        }
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

    static Run run(Path dir, List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        return new Run(p.exitValue(), out);
    }
}
