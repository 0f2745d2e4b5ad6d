package dev.proxmoxmpc.kernel.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kernel is a named module ({@code dev.proxmoxmpc.kernel}) that exports nothing, declares its built-in commands
 * with {@code provides} (the same list as {@code META-INF/services} for the class path), and opens its packages only
 * to the libraries that reflect on them. {@code distribution}'s {@code ModulePathIT} shows the JVM refusing a plugin
 * that reaches into a kernel package.
 */
class KernelModuleTest {
    private static final String ROOT = "dev.proxmoxmpc.kernel";
    private static final Set<String> REFLECTING = Set.of("info.picocli", "com.fasterxml.jackson.databind", "org.mybatis");

    @Test
    void exportsNothing() throws IOException {
        ModuleDescriptor module = descriptor();
        assertThat(module.name()).isEqualTo(ROOT);
        assertThat(module.exports()).isEmpty();
        assertThat(module.isOpen()).isFalse();
    }

    @Test
    void providesTheBuiltInCommandsListedForTheClassPath() throws IOException {
        List<String> services;
        try (InputStream in = KernelModuleTest.class.getResourceAsStream("/META-INF/services/" + ConsoleCommand.class.getName())) {
            services = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertThat(services).hasSizeGreaterThanOrEqualTo(10);
        assertThat(descriptor().provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(ConsoleCommand.class.getName());
            assertThat(p.providers()).containsExactlyInAnyOrderElementsOf(services);
        });
        assertThat(descriptor().uses()).contains(ConsoleCommand.class.getName());
    }

    @Test
    void opensClassPackagesOnlyToTheLibrariesThatReflectOnThem() throws IOException {
        Set<String> classPackages = kernelClasses().stream().map(JavaClass::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (ModuleDescriptor.Opens o : descriptor().opens()) {
            if (classPackages.contains(o.source())) {
                assertThat(o.isQualified()).as(o.source() + " opened to everyone").isTrue();
                assertThat(REFLECTING).as(o.source()).containsAll(o.targets());
            } else {
                assertThat(o.source()).as("only resource folders are opened to everyone").startsWith("db.migration.");
            }
        }
    }

    @Test
    void opensEveryPackageWithAPicocliDeclarationToPicocli() throws IOException {
        Set<String> declaring = kernelClasses().stream()
                .filter(c -> c.getAllRawInterfaces().stream().anyMatch(i -> i.isEquivalentTo(ConsoleCommand.class))
                        || c.getFields().stream().anyMatch(f -> f.getRawType().getPackageName().startsWith("picocli")
                        || f.getAnnotations().stream().anyMatch(a -> a.getRawType().getPackageName().equals("picocli"))))
                .map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> openToPicocli = descriptor().opens().stream().filter(o -> o.targets().contains("info.picocli"))
                .map(ModuleDescriptor.Opens::source).collect(Collectors.toCollection(TreeSet::new));
        assertThat(declaring).contains(ROOT + ".builtin", ROOT + ".state");
        assertThat(openToPicocli).containsAll(declaring);
    }

    @Test
    void opensTheMigrationsAndTheStateMapperToTheirReaders() throws IOException {
        Set<String> everyone = descriptor().opens().stream().filter(o -> !o.isQualified())
                .map(ModuleDescriptor.Opens::source).collect(Collectors.toSet());
        assertThat(everyone).containsExactlyInAnyOrder("db.migration.sqlite", "db.migration.postgresql");
        assertThat(descriptor().opens()).filteredOn(o -> o.source().equals(ROOT + ".state"))
                .singleElement().satisfies(o -> assertThat(o.targets()).contains("org.mybatis"));
    }

    private static JavaClasses classes;

    private static synchronized JavaClasses kernelClasses() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(ROOT);
        }
        return classes;
    }

    private static ModuleDescriptor descriptor() throws IOException {
        try (InputStream in = Files.newInputStream(classFolder().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    private static Path classFolder() {
        try {
            return Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
