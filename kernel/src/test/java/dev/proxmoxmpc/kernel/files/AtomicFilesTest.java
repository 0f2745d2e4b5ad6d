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

    @Test
    void aWriteThatCannotReplaceItsTargetLeavesTheTargetAndNoTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("main.tf")); // a directory with something in it: no rename over it
        Files.writeString(target.resolve("keep.txt"), "kept");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFiles.write(target, "x".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(IOException.class);
        assertThat(target.resolve("keep.txt")).hasContent("kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void manyWritersOfOneFolderAtOnceEachLeaveTheirWholeFile() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writes.add(pool.submit(() -> {
                    AtomicFiles.write(dir.resolve("vms/vm-" + (n % 50) + ".tf"), ("resource " + n).getBytes(StandardCharsets.UTF_8), null);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(dir.resolve("vms"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(50).allMatch(n -> n.matches("vm-\\d+\\.tf"));
        }
        for (int i = 0; i < 50; i++) {
            String content = Files.readString(dir.resolve("vms/vm-" + i + ".tf"));
            assertThat(content).as("one writer's whole content").matches("resource \\d+");
            assertThat(Integer.parseInt(content.substring("resource ".length())) % 50).isEqualTo(i);
        }
    }

    private String modeAfterWrite(String name, Set<PosixFilePermission> mode) throws IOException {
        Path target = dir.resolve(name);
        AtomicFiles.write(target, new byte[] {1}, mode);
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
    }
}
