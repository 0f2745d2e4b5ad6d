package dev.proxmoxmpc.kernel.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.proxmoxmpc.spi.testkit.Commands;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesIntoANewDirectoryAndMakesScriptsExecutable() throws Exception {
        Path dir = tmp.resolve("out/deep");
        ExportWriter.write(dir, List.of(new GeneratedFile("README.md", "hi\n"), new GeneratedFile("scripts/deploy.sh", "#!/bin/sh\n")), false);

        assertThat(dir.resolve("README.md")).hasContent("hi");
        assertThat(Files.isExecutable(dir.resolve("scripts/deploy.sh"))).isTrue();
    }

    @Test
    void refusesANonEmptyDirectoryWithoutForce() throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/mine.txt"), "keep");

        assertThatThrownBy(() -> ExportWriter.write(tmp.resolve("out"), List.of(new GeneratedFile("a", "b")), false))
                .isInstanceOf(CommandException.class).hasMessageContaining("is not empty").hasMessageContaining("--force");
        ExportWriter.write(tmp.resolve("out"), List.of(new GeneratedFile("a", "b")), true);
        assertThat(tmp.resolve("out/a")).hasContent("b");
        assertThat(tmp.resolve("out/mine.txt")).hasContent("keep");
    }

    @Test
    void neverWritesThroughASymbolicLinkOutsideTheDirectory() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(dir.resolve("terraform"), outside);

        assertThatThrownBy(() -> ExportWriter.write(dir, List.of(new GeneratedFile("terraform/main.tf", "x")), true))
                .isInstanceOf(CommandException.class).hasMessageContaining("outside");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void optionsNeedADirectoryAndKeyValueOptions() {
        ExportOptions o = options(List.of("prod", "--env", "production", "--force", "--option", "port=9273"));
        assertThat(o.dir()).isEqualTo("prod");
        assertThat(o.environment()).isEqualTo("production");
        assertThat(o.format()).isEqualTo("project");
        assertThat(o.force()).isTrue();
        assertThat(o.options()).containsEntry("port", "9273");
        assertThatThrownBy(() -> options(List.of())).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> options(List.of("d", "--option", "x"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("KEY=VALUE");
    }

    @Test
    void ciTakesRepeatedOrCommaSeparatedSystemsEachOnceInOrder() {
        assertThat(options(List.of("d")).ci()).isEmpty();
        assertThat(options(List.of("d", "--ci", "github", "--ci", "gitlab,Jenkins,github")).ci())
                .containsExactly("github", "gitlab", "jenkins");
        assertThatThrownBy(() -> options(List.of("d", "--ci", "git hub"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--ci takes CI system names");
        assertThatThrownBy(() -> options(List.of("d", "--ci", "github,"))).isInstanceOf(UsageException.class);
    }

    private static ExportOptions options(List<String> words) {
        return Commands.parse(new ExportCommand(), words).options();
    }
}
