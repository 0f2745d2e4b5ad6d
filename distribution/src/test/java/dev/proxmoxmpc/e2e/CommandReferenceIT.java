package dev.proxmoxmpc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/commands.md cannot drift: it must be exactly what the assembled product prints for {@code help --markdown}
 * with its bundled plugins (a fresh user home and a directory without a project, so no other plugin is loaded).
 */
class CommandReferenceIT {
    static final String REGENERATE = "distribution/target/proxmox-mpc/bin/proxmox-mpc help --markdown > docs/commands.md";

    @Test
    void commandsMdIsWhatHelpMarkdownPrints(@TempDir Path tmp) throws IOException {
        Path doc = repoDir().resolve("docs/commands.md");
        assertThat(doc).withFailMessage("%s is missing; create it: %s", doc, REGENERATE).isRegularFile();

        Product.Run run = Product.inHome(tmp.resolve("home")).run(tmp.resolve("work"), "help", "--markdown");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).as("a bundled plugin failed to load, so its commands would be missing").isEmpty();

        String generated = run.stdout();
        String committed = Files.readString(doc, StandardCharsets.UTF_8);
        assertThat(committed).withFailMessage("docs/commands.md differs from 'proxmox-mpc help --markdown' at line %d;"
                + " regenerate it: %s", firstDifferentLine(committed, generated), REGENERATE).isEqualTo(generated);
    }

    /** The project root: the directory the Maven build was started from (set by the failsafe configuration). */
    private static Path repoDir() {
        String dir = System.getProperty("mpc.repo.dir");
        assertThat(dir).as("system property mpc.repo.dir (set in distribution/pom.xml's failsafe configuration)").isNotBlank();
        return Path.of(dir);
    }

    /** @return the 1-based number of the first line that differs (a missing line counts as different) */
    static int firstDifferentLine(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        int i = 0;
        while (i < x.size() && i < y.size() && x.get(i).equals(y.get(i))) {
            i++;
        }
        return i + 1;
    }
}
