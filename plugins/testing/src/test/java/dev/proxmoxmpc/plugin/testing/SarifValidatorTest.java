package dev.proxmoxmpc.plugin.testing;

import static dev.proxmoxmpc.plugin.testing.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /validate --sarif} output is valid SARIF 2.1.0 by Microsoft's own validator ({@code @microsoft/sarif-multitool},
 * npm-installed into target/sarif-tools once): no result of level error.
 */
class SarifValidatorTest {
    private static final String VERSION = "5.7.0";

    @TempDir
    Path root;

    @Test
    void sarifOutputValidatesWithMicrosoftsValidator() throws Exception {
        Project p = new Project(root, Fixtures.cluster(vm(100, "web-01", "pve1", Map.of("tags", "", "cpu", "host")),
                vm(101, "web-02", "pve2", Map.of("cipassword", "x"))));
        p.run("validate --sarif reports/validate.sarif");
        Path sarif = root.resolve("reports/validate.sarif");
        JsonNode log = new ObjectMapper().readTree(sarif.toFile());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode results = log.get("runs").get(0).get("results");
        assertThat(results.findValuesAsText("ruleId")).contains("tags-present", "cpu-host-migration", "no-plain-cipassword");
        assertThat(results.findValuesAsText("uri")).contains("tests/vms/web-01.test.yml", "tests/vms/web-02.test.yml");

        Path tool = multitool();
        Path out = root.resolve("validation.sarif");
        ExternalTool.Run r = ExternalTool.run(root, List.of(tool.toString(), "validate", sarif.toString(), "--output", out.toString(),
                "--log", "ForceOverwrite"), Map.of("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1"));
        assertThat(r.exit()).as(r.out()).isZero();
        List<String> errors = new ArrayList<>();
        for (JsonNode res : new ObjectMapper().readTree(out.toFile()).get("runs").get(0).path("results")) {
            if (res.path("level").asText("warning").equals("error")) {
                errors.add(res.path("ruleId").asText() + ": " + res.path("message").path("text").asText());
            }
        }
        assertThat(errors).as(r.out()).isEmpty();
        assertThat(r.out()).doesNotContain(": error ");
    }

    /** @return the validator binary, installing {@code @microsoft/sarif-multitool} into target/sarif-tools when needed. */
    static synchronized Path multitool() throws Exception {
        ExternalTool.need(ExternalTool.works("node", "--version") && ExternalTool.works("npm", "--version"),
                "node and npm are needed for @microsoft/sarif-multitool");
        Path dir = Path.of("target", "sarif-tools").toAbsolutePath();
        Path bin = dir.resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");
        if (!Files.isRegularFile(bin)) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("package.json"), "{\"private\": true, \"dependencies\": {\"@microsoft/sarif-multitool\": \""
                    + VERSION + "\"}}\n");
            ExternalTool.Run r = ExternalTool.run(dir, List.of("npm", "install", "--no-audit", "--no-fund"), Map.of());
            ExternalTool.need(r.exit() == 0 && Files.isRegularFile(bin), "npm install of @microsoft/sarif-multitool failed (offline?): " + r.out());
        }
        // npm may not run the package's postinstall (chmod u+x): do it here.
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }
}
