package dev.proxmoxmpc.e2e.sync;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HashiCorp's HCL parser ({@code @cdktf/hcl2json}) and the bpg schema check of the repository's
 * {@code testdata/terraform/tools}, npm-installed once into {@code target/hcl-tools} (as the terraform plugin's tests
 * do). Skips the calling test without node and npm, unless MPC_REQUIRE_EXTERNAL=1.
 */
final class HclTools {
    /** The result of a script: exit code and stdout. */
    record Run(int exit, String out) {}

    private static Path tools;

    private HclTools() {}

    static Path testdata() {
        return Path.of(System.getProperty("mpc.testdata.dir", "../testdata")).toAbsolutePath().normalize();
    }

    static synchronized Path tools() throws IOException, InterruptedException {
        if (tools != null) {
            return tools;
        }
        boolean required = "1".equals(System.getenv("MPC_REQUIRE_EXTERNAL"));
        if (!(works("node", "--version") && works("npm", "--version"))) {
            if (required) {
                fail("node and npm are required (MPC_REQUIRE_EXTERNAL=1) but not found on PATH");
            }
            assumeTrue(false, "node/npm not installed: skipping the HashiCorp HCL parser checks");
        }
        Path dir = Path.of("target", "hcl-tools").toAbsolutePath();
        Files.createDirectories(dir);
        for (String f : List.of("package.json", "parse-hcl.js", "check-schema.js")) {
            Files.copy(testdata().resolve("terraform/tools").resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(dir.resolve("node_modules/@cdktf/hcl2json"))) {
            Run r = run(dir, List.of("npm", "install", "--no-audit", "--no-fund"));
            if (r.exit() != 0) {
                if (required) {
                    fail("npm install of @cdktf/hcl2json failed: " + r.out());
                }
                assumeTrue(false, "npm install of @cdktf/hcl2json failed (offline?): " + r.out());
            }
        }
        tools = dir;
        return dir;
    }

    /** @return one JSON object per file: {file, ok, json} or {file, ok:false, line, column, error} */
    static List<JsonNode> parse(List<Path> files) throws IOException, InterruptedException {
        Path dir = tools();
        List<String> cmd = new ArrayList<>(List.of("node", dir.resolve("parse-hcl.js").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(run(dir, cmd).out())) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Runs check-schema.js against bpg-schema.json. */
    static Run checkSchema(List<Path> files) throws IOException, InterruptedException {
        Path dir = tools();
        List<String> cmd = new ArrayList<>(List.of("node", dir.resolve("check-schema.js").toString(),
                testdata().resolve("terraform/bpg-schema.json").toString()));
        files.forEach(f -> cmd.add(f.toString()));
        return run(dir, cmd);
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
