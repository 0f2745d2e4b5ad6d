package dev.proxmoxmpc.plugin.sync.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkippedFilesTest {
    @Test
    void namesTheSkippedFiles() {
        assertThat(SkippedFiles.line(List.of("notes.txt"))).isEqualTo("Skipped 1 file no importer reads: notes.txt");
        assertThat(SkippedFiles.line(List.of("a", "b", "c", "d", "e", "f", "g")))
                .isEqualTo("Skipped 7 files no importer reads: a, b, c, d, e and 2 more");
    }
}
