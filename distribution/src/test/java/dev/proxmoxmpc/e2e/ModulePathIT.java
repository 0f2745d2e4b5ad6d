package dev.proxmoxmpc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.SpiVersion;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.ExtensionPoint;

/**
 * The product run from the module path ({@code MPC_MODULE_PATH=1}): the bundled plugins load and work, and the JVM
 * enforces the SPI's module boundary on a third-party plugin in its PF4J class loader. The same plugin, reaching
 * into the SPI's unexported root package ({@code SpiVersion}, INTERNAL), loads on the class path and is refused on
 * the module path with the JVM's IllegalAccessError.
 */
class ModulePathIT {
    private static final String REACHING_GENERATOR = """
            package com.example.reach;

            import dev.proxmoxmpc.spi.iac.GenerationRequest;
            import dev.proxmoxmpc.spi.iac.GenerationResult;
            import dev.proxmoxmpc.spi.iac.Generator;
            import java.util.List;

            @org.pf4j.Extension
            public class ReachingGenerator implements Generator {
                public String id() { return "reach-" + dev.proxmoxmpc.spi.SpiVersion.current(); }
                public GenerationResult generate(GenerationRequest request) { return new GenerationResult(List.of(), List.of()); }
            }
            """;

    @Test
    void aPluginReachingIntoAnUnexportedSpiPackageIsRefusedOnTheModulePathOnly(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        reachingPluginJar(tmp, project.resolve(".proxmox/plugins/reach.jar"));
        Product classPath = Product.inHome(tmp.resolve("home"));
        Product modulePath = Product.inHome(tmp.resolve("home")).env("MPC_MODULE_PATH", "1");

        Product.Run before = classPath.run(project, "-c", "/plugins");
        assertThat(before.exitCode()).as(before.all()).isZero();
        assertThat(before.stderr()).as(before.all()).doesNotContain("reach");
        assertThat(before.stdout()).containsPattern("reach +1\\.0\\.0 +started +1 generator");

        Product.Run after = modulePath.run(project, "-c", "/plugins");
        assertThat(after.exitCode()).as(after.all()).isZero();
        assertThat(after.stderr()).as(after.all()).contains(
                "plugin 'reach': generator com.example.reach.ReachingGenerator refused: its id() failed: IllegalAccessError",
                "cannot access class dev.proxmoxmpc.spi.SpiVersion (in module dev.proxmoxmpc.spi)",
                "does not export dev.proxmoxmpc.spi to unnamed module");
        assertThat(after.stdout()).as("the bundled plugins load from the module path")
                .containsPattern("proxmox +\\S+ +started +1 provider")
                .containsPattern("terraform +\\S+ +started");
    }

    @Test
    void theKernelRunsFromTheModulePath(@TempDir Path tmp) {
        Product.Run help = Product.inHome(tmp.resolve("home")).env("MPC_MODULE_PATH", "1").run(tmp, "-c", "/help");
        assertThat(help.exitCode()).as(help.all()).isZero();
        assertThat(help.stdout()).contains("/plugins").contains("/sync");
    }

    private static void reachingPluginJar(Path tmp, Path jar) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("reach-src/com/example/reach"));
        Path classes = Files.createDirectories(tmp.resolve("reach-classes"));
        Files.writeString(src.resolve("ReachingGenerator.java"), REACHING_GENERATOR);
        String cp = String.join(File.pathSeparator, location(SpiVersion.class).toString(),
                location(ExtensionPoint.class).toString(), location(API.class).toString());
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "--release", "17",
                "-d", classes.toString(), "-cp", cp, src.resolve("ReachingGenerator.java").toString());
        assertThat(rc).as("javac").isZero();

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", "reach");
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Requires", "*");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            zip.write("com.example.reach.ReachingGenerator\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
