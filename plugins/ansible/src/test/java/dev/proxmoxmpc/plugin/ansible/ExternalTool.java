package dev.proxmoxmpc.plugin.ansible;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a real external tool; skips (or fails, with MPC_REQUIRE_EXTERNAL=1) when it is not installed. */
final class ExternalTool {
    private static final long TIMEOUT_SECONDS = 120;

    /** The outcome of one run. */
    record Run(int exitCode, String stdout, String stderr) {
        String both() {
            return stdout + "\n" + stderr;
        }
    }

    private ExternalTool() {}

    /** Skips the test (or fails it when external tools are required) unless {@code command} is on the PATH. */
    static void require(String command) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
        if (found) {
            return;
        }
        String reason = command + " is not installed (apt-get install -y ansible ansible-lint)";
        if ("1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"))) {
            fail(reason + " but MPC_REQUIRE_EXTERNAL=1");
        }
        Assumptions.abort(reason);
    }

    static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_FORCE_COLOR", "0");
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
