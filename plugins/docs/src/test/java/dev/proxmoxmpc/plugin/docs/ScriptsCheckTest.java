package dev.proxmoxmpc.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated scripts pass shellcheck (as POSIX sh, every severity) and {@code sh -n}, and hold no secret. */
class ScriptsCheckTest {
    @TempDir
    Path dir;

    @Test
    void demoScriptsPassShellcheck() throws Exception {
        assertShellcheckClean(Scenarios.inventory("demo"), Map.of());
    }

    @Test
    void scriptsWithEveryOptionAndOddNamesPassShellcheck() throws Exception {
        assertShellcheckClean(TrickyInventory.build(), Map.of("backup_storage", "nfs-backup",
                "pinned_public_key", "sha256//" + "A".repeat(43) + "=", "storage_warn_percent", 70, "storage_crit_percent", 95));
    }

    @Test
    void shellcheckFindsAProblemInABrokenScript() throws Exception {
        External.need("the shellcheck checks", "shellcheck", "--version");
        Path bad = dir.resolve("bad.sh");
        Files.writeString(bad, "#!/bin/sh\nx=$1\nrm -rf $x/*\n");
        assertThat(External.run(dir, List.of("shellcheck", "-s", "sh", bad.toString()), Map.of()).exit()).isNotZero();
    }

    @Test
    void scriptsParseWithShDashN() throws Exception {
        for (Path p : write(Scenarios.inventory("demo"), Map.of())) {
            External.Run r = External.run(dir, List.of("sh", "-n", p.toString()), Map.of());
            assertThat(r.exit()).as(p + ": " + r.all()).isZero();
        }
    }

    @Test
    void scriptsNameTheSecretVariableButHoldNoSecret() throws Exception {
        for (Path p : write(Scenarios.inventory("demo"), Map.of())) {
            String text = Files.readString(p);
            assertThat(text).doesNotContainPattern("PVEAPIToken=[^%]*=[0-9a-f]{8}-");
        }
        String lib = Files.readString(dir.resolve("scripts/lib/pve-api.sh"));
        assertThat(lib).contains("${PROXMOX_MPC_DEFAULT_SECRET:-}").contains("--config -").doesNotContain("--insecure \"$@\"");
    }

    private void assertShellcheckClean(Inventory inventory, Map<String, Object> options) throws Exception {
        External.need("the shellcheck checks", "shellcheck", "--version");
        List<Path> scripts = write(inventory, options);
        assertThat(scripts).hasSize(4);
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "--external-sources", "--shell=sh", "--severity=style"));
        scripts.forEach(p -> cmd.add(p.toString()));
        External.Run r = External.run(dir.resolve("scripts"), cmd, Map.of());
        assertThat(r.exit()).as(r.all()).isZero();
    }

    private List<Path> write(Inventory inventory, Map<String, Object> options) throws Exception {
        List<Path> out = new ArrayList<>();
        for (GeneratedFile f : Scenarios.generate(inventory, options, new ClasspathTemplates(), "https://pve.example.com:8006/").files()) {
            if (f.path().startsWith("scripts/")) {
                Path p = dir.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content());
                out.add(p);
            }
        }
        return out;
    }
}
