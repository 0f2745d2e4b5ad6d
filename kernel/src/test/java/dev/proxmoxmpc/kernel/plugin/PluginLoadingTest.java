package dev.proxmoxmpc.kernel.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.boot.KernelRun;
import dev.proxmoxmpc.kernel.boot.TestCommands;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds third-party plugins in a temp folder, drops them into plugins/ and runs the kernel in batch mode. */
class PluginLoadingTest {
    private static final String HELLO = """
            package com.example.hello;

            import dev.proxmoxmpc.spi.command.CommandResult;
            import dev.proxmoxmpc.spi.command.ConsoleCommand;
            import dev.proxmoxmpc.spi.command.FixedCandidates;
            import dev.proxmoxmpc.spi.kernel.KernelContext;
            import java.util.List;
            import picocli.CommandLine.Command;
            import picocli.CommandLine.Parameters;

            @org.pf4j.Extension
            @Command(name = "%s", description = "Say hello from a third-party plugin")
            public class HelloCommand implements ConsoleCommand {
                @Parameters(arity = "0..*", completionCandidates = Places.class)
                List<String> args = List.of();

                public static class Places extends FixedCandidates {
                    public Places() { super("world", "moon"); }
                }

                public CommandResult execute(KernelContext ctx) {
                    ctx.console().println("hello " + String.join(" ", args) + " from " + getClass().getClassLoader().getClass().getSimpleName());
                    return CommandResult.ok();
                }
            }
            """;
    private static final String BROKEN = """
            package com.example.hello;

            public class BrokenCommand extends HelloCommand {
                public BrokenCommand() { throw new IllegalStateException("cannot start"); }
            }
            """;

    @TempDir
    Path dir;
    Path plugins;
    KernelRun kernel;

    @BeforeEach
    void setUp() throws IOException {
        plugins = Files.createDirectories(dir.resolve("install/plugins"));
        kernel = new KernelRun(Files.createDirectories(dir.resolve("work")), Files.createDirectories(dir.resolve("home")))
                .pluginRoots(plugins);
    }

    private Path helloJar(String id, String command, String requires, Path target) throws IOException {
        Path classes = PluginJars.compile(dir.resolve(id + "-classes"),
                Map.of("com.example.hello.HelloCommand", HELLO.formatted(command)), List.of("com.example.hello.HelloCommand"));
        return PluginJars.jar(target, classes,
                Map.of("Plugin-Id", id, "Plugin-Version", "1.2.3", "Plugin-Requires", requires,
                        "Plugin-Provider", "example.com", "Plugin-Description", "a test plugin"),
                Map.of("dev/proxmoxmpc/spi/command/ConsoleCommand.class", PluginJars.classBytes(ConsoleCommand.class)));
    }

    @Test
    void runsTheCommandOfAThirdPartyJarDroppedIntoPlugins() throws IOException {
        helloJar("hello", "hello", ">=0.1.0", plugins.resolve("hello-1.2.3.jar"));
        KernelRun.Result r = kernel.run("-c", "/hello world");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("hello world from SpiFirstClassLoader\n");
    }

    @Test
    void listsTheThirdPartyPluginInHelpAndPlugins() throws IOException {
        Path jar = helloJar("hello", "hello", "*", plugins.resolve("hello.jar"));
        assertThat(kernel.run("help").out()).contains("\nhello\n").containsPattern("/hello +Say hello from a third-party plugin");
        KernelRun.Result r = kernel.run("plugins");
        assertThat(r.out()).containsPattern("hello +1\\.2\\.3 +started +1 command +" + java.util.regex.Pattern.quote(jar.toString()));
    }

    @Test
    void loadsABundledStylePluginZipWithLibFolder() throws IOException {
        Path jar = helloJar("zipped", "zipped hello", ">=0.1.0", dir.resolve("build/zipped.jar"));
        PluginJars.zip(plugins.resolve("zipped-plugin.zip"), """
                plugin.id=zipped
                plugin.version=0.1.0
                plugin.requires=>=0.1.0
                plugin.provider=proxmox-mpc
                plugin.description=zipped
                plugin.class=
                """, jar);
        KernelRun.Result r = kernel.run("zipped", "hello", "there");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("hello there from SpiFirstClassLoader\n");
    }

    private static final String JSON = """
            package com.example.json;

            import dev.proxmoxmpc.spi.command.CommandResult;
            import dev.proxmoxmpc.spi.command.ConsoleCommand;
            import dev.proxmoxmpc.spi.kernel.KernelContext;
            import picocli.CommandLine.Command;

            @org.pf4j.Extension
            @Command(name = "json-loader", description = "Say who loaded Jackson's core")
            public class JsonCommand implements ConsoleCommand {
                public CommandResult execute(KernelContext ctx) {
                    ctx.console().println(com.fasterxml.jackson.core.JsonFactory.class.getClassLoader().getClass().getSimpleName());
                    return CommandResult.ok();
                }
            }
            """;

    /** A bundled-style plugin whose lib/ holds its jar and {@code library}: who loads Jackson's core for it. */
    private String jacksonLoaderWith(Path library) throws IOException {
        Path classes = PluginJars.compile(dir.resolve("json-classes"), Map.of("com.example.json.JsonCommand", JSON),
                List.of("com.example.json.JsonCommand"), List.of(com.fasterxml.jackson.core.JsonFactory.class));
        Path jar = PluginJars.jar(dir.resolve("build/json.jar"), classes, Map.of(), Map.of());
        PluginJars.zip(plugins.resolve("json-plugin.zip"), """
                plugin.id=json
                plugin.version=0.1.0
                plugin.requires=>=0.1.0
                plugin.provider=example.com
                plugin.class=
                """, List.of(jar, library));
        KernelRun.Result r = kernel.run("json-loader");
        assertThat(r.err()).isEmpty();
        return r.out().strip();
    }

    @Test
    void aPluginBundlingTheKernelsVeryJacksonJarUsesTheKernelsClasses() throws IOException {
        Path kernelJar = PluginJars.jarOf(com.fasterxml.jackson.core.JsonFactory.class);
        Path copy = Files.copy(kernelJar, Files.createDirectories(dir.resolve("copy")).resolve(kernelJar.getFileName()));
        assertThat(jacksonLoaderWith(copy)).isEqualTo(KernelPluginManager.class.getClassLoader().getClass().getSimpleName());
    }

    @Test
    void aPluginBundlingAnotherBuildOfAKernelLibraryKeepsItsOwn() throws IOException {
        Path kernelJar = PluginJars.jarOf(com.fasterxml.jackson.core.JsonFactory.class);
        Path rebuilt = Files.createDirectories(dir.resolve("rebuilt")).resolve(kernelJar.getFileName());
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(kernelJar.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(rebuilt))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/PATCHED"));
            out.closeEntry();
        }
        assertThat(jacksonLoaderWith(rebuilt)).isEqualTo("SpiFirstClassLoader");
    }

    @Test
    void refusesAPluginRequiringAnotherSpiInOneLineAndStillRuns() throws IOException {
        helloJar("future", "future", ">=9.0.0", plugins.resolve("future.jar"));
        helloJar("hello", "hello", ">=0.1.0", plugins.resolve("hello.jar"));
        KernelRun.Result r = kernel.run("-c", "hello you");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("hello you from SpiFirstClassLoader\n");
        assertThat(r.err().lines()).containsExactly(
                "warning: plugin 'future' 1.2.3 refused: it requires SPI >=9.0.0, this is 0.1.0");
        KernelRun.Result list = kernel.run("plugins");
        assertThat(list.out()).containsPattern("future +1\\.2\\.3 +refused").contains("requires SPI >=9.0.0");
        assertThat(kernel.run("future").exitCode()).isEqualTo(2);
    }

    @Test
    void reportsABrokenDescriptorAMissingClassAndAFailingExtensionInOneLineEach() throws IOException {
        Path classes = PluginJars.compile(dir.resolve("broken-classes"),
                Map.of("com.example.hello.HelloCommand", HELLO.formatted("hello"), "com.example.hello.BrokenCommand", BROKEN),
                List.of("com.example.hello.BrokenCommand", "com.example.hello.HelloCommand", "com.example.hello.Gone"));
        PluginJars.jar(plugins.resolve("half.jar"), classes, Map.of("Plugin-Id", "half", "Plugin-Version", "1.0.0"), Map.of());
        PluginJars.jar(plugins.resolve("nodescriptor.jar"), classes, Map.of("Created-By", "hand"), Map.of());
        PluginJars.jar(plugins.resolve("noclass.jar"), classes, Map.of("Plugin-Id", "noclass", "Plugin-Version", "1.0.0",
                "Plugin-Class", "com.example.hello.NoSuchPlugin"), Map.of());
        KernelRun.Result r = kernel.run("-c", "hello there");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("hello there from SpiFirstClassLoader\n");
        List<String> warnings = r.err().lines().toList();
        assertThat(warnings).hasSize(4);
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("warning: plugin 'half': extension com.example.hello.Gone "
                + "not loaded: ClassNotFoundException"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("warning: plugin 'noclass' 1.0.0 did not start: ")
                .contains("com.example.hello.NoSuchPlugin"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("warning: plugin nodescriptor.jar not loaded ("));
        assertThat(warnings).anySatisfy(w -> assertThat(w).isEqualTo(
                "warning: plugin 'half': extension com.example.hello.BrokenCommand not loaded: "
                        + "InvocationTargetException (IllegalStateException: cannot start)"));
    }

    @Test
    void aDuplicateCommandNameIsReportedAndTheFirstKeepsIt() throws IOException {
        helloJar("hello", "echo", "*", plugins.resolve("hello.jar"));
        KernelRun.Result r = kernel.extensions(new TestCommands.Echo()).run("-c", "echo x");
        assertThat(r.out()).isEqualTo("x\n");
        assertThat(r.err().lines()).containsExactly("warning: duplicate command 'echo': plugin 'hello' "
                + "(com.example.hello.HelloCommand) ignored, plugin 'embedded' keeps it");
    }

    @Test
    void loadsPluginsFromTheUsersAndTheProjectsPluginFolders() throws IOException {
        helloJar("mine", "mine", "*", dir.resolve("home/.proxmox-mpc/plugins/mine.jar"));
        helloJar("proj", "proj", "*", dir.resolve("work/.proxmox/plugins/proj.jar"));
        KernelRun.Result r = kernel.run("-c", "mine a; proj b");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("hello a from SpiFirstClassLoader\nhello b from SpiFirstClassLoader\n");
    }
}
