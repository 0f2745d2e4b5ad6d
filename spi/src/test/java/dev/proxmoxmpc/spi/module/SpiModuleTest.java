package dev.proxmoxmpc.spi.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.zafarkhaja.semver.Version;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.proxmoxmpc.spi.SpiVersion;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.ExtensionPoint;
import org.slf4j.Logger;
import picocli.CommandLine;

/**
 * The SPI is a named module ({@code dev.proxmoxmpc.spi}) that exports its published packages, keeps its root package
 * ({@code SpiVersion}, INTERNAL) and the command-parsing machinery ({@code command.internal}) for the kernel, and
 * {@code uses} every extension point; and the JVM enforces it: a
 * plugin class in an unnamed module (as PF4J's class loaders are) that reaches into the root package fails to link.
 */
class SpiModuleTest {
    private static final String ROOT = "dev.proxmoxmpc.spi";
    private static final String INTERNAL_COMMANDS = ROOT + ".command.internal";

    @Test
    void exportsEveryPublishedPackageAndTheRootOnlyToTheKernel() throws IOException {
        ModuleDescriptor module = descriptor();
        Set<String> everyone = module.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        Set<String> published = new TreeSet<>(module.packages());
        published.remove(ROOT);
        published.remove(INTERNAL_COMMANDS);
        assertThat(module.name()).isEqualTo(ROOT);
        assertThat(everyone).isEqualTo(published).contains(ROOT + ".model", ROOT + ".command");
        assertThat(module.exports()).filteredOn(e -> e.source().equals(ROOT))
                .singleElement().satisfies(e -> assertThat(e.targets()).containsExactly("dev.proxmoxmpc.kernel"));
        assertThat(module.exports()).filteredOn(e -> e.source().equals(INTERNAL_COMMANDS))
                .singleElement().satisfies(e -> assertThat(e.targets()).containsExactly("dev.proxmoxmpc.kernel"));
        assertThat(module.opens()).isEmpty();
    }

    @Test
    void usesEveryExtensionPoint() throws IOException {
        Set<String> extensionPoints = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT).stream()
                .filter(c -> c.isInterface() && c.isAssignableTo(ExtensionPoint.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(extensionPoints).hasSizeGreaterThanOrEqualTo(6);
        assertThat(descriptor().uses()).containsExactlyInAnyOrderElementsOf(extensionPoints);
    }

    @Test
    void aPluginReachingIntoTheUnexportedRootPackageFailsAtRunTime(@TempDir Path dir) throws Exception {
        Path classes = compilePlugin(dir, Map.of(
                "Published", "return dev.proxmoxmpc.spi.diag.Severity.ERROR.name();",
                "Internal", "return dev.proxmoxmpc.spi.SpiVersion.current();"));
        ModuleLayer layer = spiLayer();
        assertThat(layer.findModule(ROOT)).get().satisfies(m -> assertThat(m.isNamed()).isTrue());

        try (URLClassLoader plugin = new URLClassLoader(new URL[] {classes.toUri().toURL()}, layer.findLoader(ROOT))) {
            assertThat(call(plugin, "Published")).isEqualTo("ERROR");
            assertThatThrownBy(() -> call(plugin, "Internal"))
                    .isInstanceOf(IllegalAccessError.class)
                    .hasMessageContaining("dev.proxmoxmpc.spi.SpiVersion")
                    .hasMessageContaining("does not export dev.proxmoxmpc.spi to unnamed module");
        }
    }

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(location(SpiVersion.class).resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    /** A fresh layer with the SPI, PF4J (and what it requires), picocli and apiguardian from the module path. */
    private static ModuleLayer spiLayer() throws URISyntaxException {
        ModuleFinder finder = ModuleFinder.of(location(SpiVersion.class), location(ExtensionPoint.class),
                location(API.class), location(Logger.class), location(Version.class), location(CommandLine.class));
        Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of(ROOT));
        return ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    }

    private static Path compilePlugin(Path dir, Map<String, String> bodies) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/com/example/reach"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            Files.writeString(src.resolve(e.getKey() + ".java"), """
                    package com.example.reach;

                    public class %s implements java.util.function.Supplier<String> {
                        public String get() { %s }
                    }
                    """.formatted(e.getKey(), e.getValue()));
        }
        String cp = location(SpiVersion.class) + File.pathSeparator + location(ExtensionPoint.class);
        List<String> args = new ArrayList<>(List.of("-proc:none", "--release", "17", "-d", out.toString(),
                "-cp", cp));
        bodies.keySet().forEach(name -> args.add(src.resolve(name + ".java").toString()));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String call(ClassLoader loader, String simpleName) throws Exception {
        Class<?> type = loader.loadClass("com.example.reach." + simpleName);
        return ((Supplier<String>) type.getDeclaredConstructor().newInstance()).get();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
