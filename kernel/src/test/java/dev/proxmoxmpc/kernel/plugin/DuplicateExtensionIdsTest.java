package dev.proxmoxmpc.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.boot.KernelRun;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two extensions of one extension point with one id: the first keeps it, the other is refused in one line. */
class DuplicateExtensionIdsTest {
    private static final String GENERATOR = """
            package com.example.%1$s;

            import dev.proxmoxmpc.spi.iac.GenerationRequest;
            import dev.proxmoxmpc.spi.iac.GenerationResult;
            import dev.proxmoxmpc.spi.iac.Generator;
            import java.util.List;

            @org.pf4j.Extension
            public class HclGenerator implements Generator {
                public String id() { return "hcl"; }
                public GenerationResult generate(GenerationRequest request) { return new GenerationResult(List.of(), List.of()); }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSecondPluginWithATakenGeneratorIdIsRefusedInOneLineNamingBothPlugins() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("install/plugins"));
        generatorJar("alpha", plugins);
        generatorJar("beta", plugins);
        KernelRun kernel = new KernelRun(Files.createDirectories(dir.resolve("work")),
                Files.createDirectories(dir.resolve("home"))).pluginRoots(plugins);

        KernelRun.Result r = kernel.run("-c", "plugins");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err().lines()).containsExactly("warning: duplicate generator id 'hcl': plugin 'beta' "
                + "(com.example.beta.HclGenerator) refused, plugin 'alpha' (com.example.alpha.HclGenerator) keeps it");
    }

    @Test
    void theFirstInCatalogOrderKeepsTheIdAndOtherIdsAndKindsPass() {
        List<String> problems = new ArrayList<>();
        LoadedExtension first = new LoadedExtension("kernel", new Fixed("terraform"));
        LoadedExtension second = new LoadedExtension("third", new Fixed("terraform"));
        LoadedExtension other = new LoadedExtension("third", new Fixed("ansible"));
        LoadedExtension notById = new LoadedExtension("third", "a plain extension");

        List<LoadedExtension> kept = ExtensionIds.unique(List.of(first, second, other, notById), problems);

        assertThat(kept).containsExactly(first, other, notById);
        assertThat(problems).singleElement().asString()
                .startsWith("duplicate generator id 'terraform': plugin 'third' (")
                .endsWith(") refused, plugin 'kernel' (" + Fixed.class.getName() + ") keeps it");
    }

    @Test
    void anExtensionWithoutAnIdOrWhoseIdFailsIsRefused() {
        List<String> problems = new ArrayList<>();
        List<LoadedExtension> kept = ExtensionIds.unique(List.of(new LoadedExtension("p", new Fixed(" ")),
                new LoadedExtension("q", new Fixed(null))), problems);
        assertThat(kept).isEmpty();
        assertThat(problems).containsExactly(
                "plugin 'p': generator " + Fixed.class.getName() + " refused: it has no id",
                "plugin 'q': generator " + Fixed.class.getName() + " refused: its id() failed: IllegalStateException: no id");
    }

    private void generatorJar(String id, Path plugins) throws IOException {
        String className = "com.example." + id + ".HclGenerator";
        Path classes = PluginJars.compile(dir.resolve(id + "-classes"), Map.of(className, GENERATOR.formatted(id)),
                List.of(className));
        PluginJars.jar(plugins.resolve(id + ".jar"), classes,
                Map.of("Plugin-Id", id, "Plugin-Version", "1.0.0", "Plugin-Requires", "*"), Map.of());
    }

    /** A generator with a fixed id; a null id makes {@code id()} throw. */
    private record Fixed(String name) implements Generator {
        @Override
        public String id() {
            if (name == null) {
                throw new IllegalStateException("no id");
            }
            return name;
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            return new GenerationResult(List.of(), List.of());
        }
    }
}
