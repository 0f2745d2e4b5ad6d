package dev.proxmoxmpc.e2e.sync;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real Ansible (Debian's {@code ansible} with community.general, and {@code python3-proxmoxer}, which .ci/run
 * installs). A missing tool skips the test with the reason, or fails it under MPC_REQUIRE_EXTERNAL=1.
 */
final class Ansible {
    private static final long TIMEOUT_SECONDS = 300;

    /** The outcome of one run. */
    record Run(int exitCode, String stdout, String stderr) {
        String both() {
            return stdout + "\n[stderr]\n" + stderr;
        }
    }

    private Ansible() {}

    /** Skips (or fails, under MPC_REQUIRE_EXTERNAL=1) unless ansible's commands and proxmoxer are installed. */
    static void require() {
        for (String command : List.of("ansible-inventory", "ansible-playbook")) {
            boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
            if (!found) {
                missing(command + " is not installed (apt-get install -y ansible python3-proxmoxer)");
            }
        }
    }

    /** Also needs proxmoxer in the Python Ansible runs on. */
    static void requireProxmoxer(Path work) throws IOException, InterruptedException {
        require();
        Run r = run(work, Map.of(), "ansible", "localhost", "-c", "local", "-m", "ansible.builtin.command",
                "-a", "{{ ansible_playbook_python }} -c 'import proxmoxer'");
        if (r.exitCode() != 0) {
            missing("python3-proxmoxer is not installed for Ansible's Python (apt-get install -y python3-proxmoxer)");
        }
    }

    private static void missing(String reason) {
        if ("1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"))) {
            fail(reason + " but MPC_REQUIRE_EXTERNAL=1");
        }
        Assumptions.abort(reason);
    }

    static Run run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory("ansible-run");
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> e = new HashMap<>(Map.of("NO_COLOR", "1", "ANSIBLE_NOCOLOR", "1", "ANSIBLE_FORCE_COLOR", "0",
                "ANSIBLE_LOCAL_TEMP", tmp.resolve("local").toString(), "ANSIBLE_HOME", tmp.resolve("home").toString(),
                "ANSIBLE_INVENTORY_UNPARSED_WARNING", "true", "ANSIBLE_HOST_KEY_CHECKING", "false"));
        e.putAll(env);
        pb.environment().putAll(e);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
