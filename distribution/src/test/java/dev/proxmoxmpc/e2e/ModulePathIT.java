package dev.proxmoxmpc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.context.KernelVersion;
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
 * The product runs from the module path (the launcher's default): the bundled plugins load and work, and the JVM
 * enforces the SPI's and the kernel's module boundaries on a third-party plugin in its PF4J class loader. A plugin
 * reaching into the SPI's unexported root package ({@code SpiVersion}, INTERNAL), or into any kernel package (the
 * kernel module exports none), loads on the class path ({@code MPC_CLASS_PATH=1}, the documented fallback) and is
 * refused on the module path with the JVM's IllegalAccessError.
 */
class ModulePathIT {
    private static final String REACHING_GENERATOR = """
            package com.example.%1$s;

            import dev.proxmoxmpc.spi.iac.GenerationRequest;
            import dev.proxmoxmpc.spi.iac.GenerationResult;
            import dev.proxmoxmpc.spi.iac.Generator;
            import java.util.List;

            @org.pf4j.Extension
            public class ReachingGenerator implements Generator {
                public String id() { return "%1$s-" + %2$s; }
                public GenerationResult generate(GenerationRequest request) { return new GenerationResult(List.of(), List.of()); }
            }
            """;

    @Test
    void aPluginReachingIntoAnUnexportedSpiPackageIsRefusedOnTheModulePathOnly(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        reachingPluginJar(tmp, "reach", "dev.proxmoxmpc.spi.SpiVersion.current()", project.resolve(".proxmox/plugins/reach.jar"));
        Product modulePath = Product.inHome(tmp.resolve("home"));
        Product classPath = Product.inHome(tmp.resolve("home")).env("MPC_CLASS_PATH", "1");

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
                .containsPattern("proxmox +\\S+ +started +.*\\b1 provider")
                .containsPattern("terraform +\\S+ +started");
    }

    @Test
    void aPluginReachingIntoAKernelPackageIsRefusedOnTheModulePath(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        reachingPluginJar(tmp, "inside", "dev.proxmoxmpc.kernel.context.KernelVersion.current()",
                project.resolve(".proxmox/plugins/inside.jar"));

        Product.Run classPath = Product.inHome(tmp.resolve("home")).env("MPC_CLASS_PATH", "1").run(project, "-c", "/plugins");
        assertThat(classPath.exitCode()).as(classPath.all()).isZero();
        assertThat(classPath.stdout()).as(classPath.all()).containsPattern("inside +1\\.0\\.0 +started +1 generator");

        Product.Run modulePath = Product.inHome(tmp.resolve("home")).run(project, "-c", "/plugins");
        assertThat(modulePath.exitCode()).as(modulePath.all()).isZero();
        assertThat(modulePath.stderr()).as(modulePath.all()).contains(
                "plugin 'inside': generator com.example.inside.ReachingGenerator refused: its id() failed: IllegalAccessError",
                "cannot access class dev.proxmoxmpc.kernel.context.KernelVersion (in module dev.proxmoxmpc.kernel)",
                "does not export dev.proxmoxmpc.kernel.context to unnamed module");
    }

    @Test
    void theKernelRunsFromTheModulePathByDefault(@TempDir Path tmp) {
        Product.Run help = Product.inHome(tmp.resolve("home")).run(tmp, "-c", "/help");
        assertThat(help.exitCode()).as(help.all()).isZero();
        assertThat(help.stdout()).contains("/plugins").contains("/sync").contains("/workspace").contains("/cache");
        assertThat(help.stderr()).as("no JVM warning (incubator modules)").isEmpty();

        Product.Run plugins = Product.inHome(tmp.resolve("home")).run(tmp, "-c", "/plugins");
        assertThat(plugins.stdout()).as(plugins.all()).containsPattern("kernel +\\S+ +built-in +\\d+ commands");
    }

    private static void reachingPluginJar(Path tmp, String id, String reach, Path jar) throws IOException {
        Path src = Files.createDirectories(tmp.resolve(id + "-src/com/example/" + id));
        Path classes = Files.createDirectories(tmp.resolve(id + "-classes"));
        Files.writeString(src.resolve("ReachingGenerator.java"), REACHING_GENERATOR.formatted(id, reach));
        String cp = String.join(File.pathSeparator, location(SpiVersion.class).toString(),
                location(KernelVersion.class).toString(), location(ExtensionPoint.class).toString(),
                location(API.class).toString());
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "--release", "17",
                "-d", classes.toString(), "-cp", cp, src.resolve("ReachingGenerator.java").toString());
        assertThat(rc).as("javac").isZero();

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
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
            zip.write(("com.example." + id + ".ReachingGenerator\n").getBytes(StandardCharsets.UTF_8));
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
