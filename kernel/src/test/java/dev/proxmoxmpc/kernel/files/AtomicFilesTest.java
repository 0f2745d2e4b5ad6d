package dev.proxmoxmpc.kernel.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesAFileWholeCreatingFoldersAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/config.yml");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8), null);
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8), null);
        assertThat(target).hasContent("new");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void givesTheModeAskedForOrReadableByDefault() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        assertThat(modeAfterWrite("plain.tf", null)).isEqualTo("rw-r--r--");
        assertThat(modeAfterWrite("secrets.yml", AtomicFiles.OWNER_ONLY)).isEqualTo("rw-------");
        assertThat(modeAfterWrite("backup.sh", AtomicFiles.EXECUTABLE)).isEqualTo("rwxr-xr-x");
    }

    private String modeAfterWrite(String name, Set<PosixFilePermission> mode) throws IOException {
        Path target = dir.resolve(name);
        AtomicFiles.write(target, new byte[] {1}, mode);
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
    }
}
