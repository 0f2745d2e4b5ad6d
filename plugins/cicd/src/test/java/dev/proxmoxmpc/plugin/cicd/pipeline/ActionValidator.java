package dev.proxmoxmpc.plugin.cicd.pipeline;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The GitHub Actions workflow validator {@code @action-validator/cli} (src/test/resources/action-validator/package.json,
 * npm-installed once into target/action-validator). Skips the calling test when node or npm is missing or the install
 * fails, unless MPC_REQUIRE_EXTERNAL=1.
 */
final class ActionValidator {
    /** The result of a run: exit code and output. */
    record Run(int exit, String out) {}

    private static Path tools;

    private ActionValidator() {}

    static synchronized Path tools() throws IOException, InterruptedException {
        if (tools != null) {
            return tools;
        }
        boolean required = "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
        if (!(works("node", "--version") && works("npm", "--version"))) {
            skipOrFail(required, "node/npm not installed: skipping the GitHub Actions validator (@action-validator/cli)");
        }
        Path dir = Path.of("target", "action-validator").toAbsolutePath();
        Files.createDirectories(dir);
        try (InputStream in = ActionValidator.class.getResourceAsStream("/action-validator/package.json")) {
            Files.copy(in, dir.resolve("package.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isRegularFile(dir.resolve("node_modules/@action-validator/cli/cli.mjs"))) {
            Run r = run(dir, List.of("npm", "install", "--no-audit", "--no-fund"));
            if (r.exit() != 0) {
                skipOrFail(required, "npm install of @action-validator/cli failed (offline?): " + r.out());
            }
        }
        tools = dir;
        return dir;
    }

    /** @return the validator's verdict on one workflow file */
    static Run validate(Path workflow) throws IOException, InterruptedException {
        Path dir = tools();
        return run(dir, List.of("node", dir.resolve("node_modules/@action-validator/cli/cli.mjs").toString(), workflow.toString()));
    }

    private static void skipOrFail(boolean required, String reason) {
        if (required) {
            fail(reason + " (MPC_REQUIRE_EXTERNAL=1)");
        }
        assumeTrue(false, reason);
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Run run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + cmd);
        }
        return new Run(p.exitValue(), out);
    }
}
