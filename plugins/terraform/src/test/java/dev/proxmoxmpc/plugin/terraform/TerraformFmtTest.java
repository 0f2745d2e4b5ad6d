package dev.proxmoxmpc.plugin.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated file is what {@code terraform fmt} would write: the real {@code terraform fmt -check} over the files
 * generated from each fixture inventory. Terraform is not in the Debian or npm registries .ci/run installs from, so
 * without a {@code terraform} on the PATH this test skips with that reason, also under MPC_REQUIRE_EXTERNAL=1; the
 * rules themselves are checked without terraform by {@code HclWriterTest}.
 */
class TerraformFmtTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void needsTerraform() {
        assumeTrue(works("terraform", "version"),
                "terraform is not on the PATH (it cannot be installed from the registries CI uses): skipping terraform fmt -check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/demo.json", "fixtures/small.json", "fixtures/tricky.json", "firewall"})
    void generatedFilesAreTerraformFmtCanonical(String fixture, @TempDir Path dir) throws Exception {
        Generation.write(Generation.generate(fixture.equals("firewall") ? FirewallObjects.demo() : Inventories.load(fixture)), dir);

        ProcessBuilder pb = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-diff", "-no-color", dir.toString())
                .redirectErrorStream(true);
        Path rc = Files.writeString(home.resolve("terraformrc"), "");
        pb.environment().put("TF_CLI_CONFIG_FILE", rc.toString());
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("terraform fmt -check rewrites these generated files:%n%s", out).isZero();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tf")).count()).isGreaterThan(5);
        }
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
