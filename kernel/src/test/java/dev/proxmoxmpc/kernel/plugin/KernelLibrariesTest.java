package dev.proxmoxmpc.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelLibrariesTest {
    @TempDir
    Path dir;

    /** Writes a jar of stored (uncompressed) entries, so a changed byte keeps the jar's size. */
    private Path jar(String where, String name, Map<String, String> entries) throws IOException {
        Path jar = Files.createDirectories(dir.resolve(where)).resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                byte[] bytes = e.getValue().getBytes();
                ZipEntry entry = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(bytes);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static final Map<String, String> CORE = Map.of(
            "com/example/core/Parser.class", "parser bytes",
            "com/example/core/io/Buffer.class", "buffer bytes",
            "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
    private static final Map<String, String> BIND = Map.of("com/example/bind/Mapper.class", "mapper bytes");

    @Test
    void aPluginTakesThePackagesOfTheKernelsVeryJars() throws IOException {
        KernelLibraries kernel = KernelLibraries.ofClassPath(List.of(
                jar("kernel", "core-2.1.0.jar", CORE), jar("kernel", "bind-2.1.0.jar", BIND)));
        KernelLibraries.Sharing sharing = kernel.sharing(List.of(jar("plugin", "core-2.1.0.jar", CORE),
                jar("plugin", "own-1.0.jar", Map.of("com/example/own/Thing.class", "x"))));
        assertThat(sharing.covers("com.example.core")).isTrue();
        assertThat(sharing.covers("com.example.core.io")).isTrue();
        assertThat(sharing.covers("com.example.bind")).as("a kernel library the plugin does not bundle").isFalse();
        assertThat(sharing.covers("com.example.own")).as("the plugin's own library").isFalse();
    }

    @Test
    void aJarOfTheSameNameAndSizeWithOtherContentIsNotShared() throws IOException {
        KernelLibraries kernel = KernelLibraries.ofClassPath(List.of(jar("kernel", "core-2.1.0.jar", CORE)));
        Map<String, String> patched = new TreeMap<>(CORE);
        patched.put("com/example/core/Parser.class", "parser bytez");
        Path plugin = jar("plugin", "core-2.1.0.jar", patched);
        assertThat(Files.size(plugin)).isEqualTo(Files.size(dir.resolve("kernel/core-2.1.0.jar")));
        assertThat(kernel.sharing(List.of(plugin)).covers("com.example.core")).isFalse();
    }

    @Test
    void anotherVersionOfAKernelLibrarySharesNothing() throws IOException {
        KernelLibraries kernel = KernelLibraries.ofClassPath(List.of(
                jar("kernel", "core-2.1.0.jar", CORE), jar("kernel", "bind-2.1.0.jar", BIND)));
        // its bind is the kernel's, but it would link against the kernel's core, not the plugin's 1.9.0
        KernelLibraries.Sharing sharing = kernel.sharing(List.of(jar("plugin", "core-1.9.0.jar", CORE),
                jar("plugin", "bind-2.1.0.jar", BIND)));
        assertThat(sharing.covers("com.example.bind")).isFalse();
        assertThat(sharing.covers("com.example.core")).isFalse();
    }

    @Test
    void namesTheArtifactWithoutItsVersion() {
        assertThat(KernelLibraries.artifact(Path.of("jackson-databind-2.21.0.jar"))).isEqualTo("jackson-databind");
        assertThat(KernelLibraries.artifact(Path.of("bcprov-jdk18on-1.80.jar"))).isEqualTo("bcprov-jdk18on");
        assertThat(KernelLibraries.artifact(Path.of("plugin-sync-0.1.0-SNAPSHOT.jar"))).isEqualTo("plugin-sync");
    }
}
