package dev.proxmoxmpc.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher and the build do so that a command reading only local state starts fast (docs/benchmarks.md): the
 * class-data archive covers the state store's classes, not only those of {@code /help}, and SQLite's native library is
 * loaded from the install instead of being unpacked into the temporary directory at every start. Plugins share the
 * kernel's Jackson instead of loading their own copies.
 */
class StartupCostsIT {

    @TempDir
    Path tmp;

    private Product.Run status(String jvmOptions) {
        return status(Product.distDir(), jvmOptions);
    }

    private Product.Run status(Path install, String jvmOptions) {
        Path home = tmp.resolve("home");
        Path project = tmp.resolve("project");
        Product product = Product.inHome(home).installedAt(install).env("MPC_TEST_SECRET", "not-used");
        Product.Run init = product.run(tmp, "--project", project.toString(), "init", "--host", "127.0.0.1",
                "--token-id", "test@pve!t", "--token-secret-env", "MPC_TEST_SECRET", "--skip-check", "--node", "pve1");
        assertThat(init.exitCode()).as(init.all()).isZero();
        return product.jvmOptions(jvmOptions)
                .run(tmp, "--project", project.toString(), "status");
    }

    private static boolean linuxX64() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64")) && !Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"));
    }

    @Test
    void sqliteIsLoadedFromTheInstallNotUnpackedIntoTheTemporaryDirectory() throws IOException {
        assumeTrue(linuxX64(), "the install carries SQLite's library for glibc Linux, macOS on x86_64/aarch64; checked on Linux x86_64");
        assertThat(Product.distDir().resolve("native/sqlite/Linux/x86_64/libsqlitejdbc.so")).isRegularFile();
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));

        Product.Run run = status("-Djava.io.tmpdir=" + javaTmp);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("VMs: 0");
        try (Stream<Path> files = Files.list(javaTmp)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).as("files the SQLite driver unpacked").noneMatch(n -> n.contains("sqlitejdbc"));
        }
    }

    @Test
    void theClassArchiveCoversTheStateStore() {
        assumeTrue(Files.exists(Product.distDir().resolve("lib/proxmox-mpc.jsa")), "the build made no class-data archive");

        Product.Run run = status("-Xshare:on -Xlog:class+load=info:file=" + tmp.resolve("classes.log"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        String log = read(tmp.resolve("classes.log"));
        for (String cls : List.of("org.apache.ibatis.session.Configuration ", "org.sqlite.JDBC ",
                "com.fasterxml.jackson.dataformat.yaml.YAMLFactory ", "dev.proxmoxmpc.kernel.state.MyBatisStateStore ")) {
            assertThat(log).as(cls + "comes from the archive").containsPattern(
                    "\\] " + cls.trim().replace(".", "\\.") + " source: shared objects file");
        }
    }

    /**
     * The bundled plugins carry the kernel's very Jackson jars in their lib/; they take those classes from the kernel
     * (docs/architecture.md, "Class loading") instead of loading, verifying and compiling a copy each. A /sync runs
     * the provider, the sync and the generators, which all parse or write JSON or YAML.
     */
    @Test
    void pluginsTakeTheKernelsJacksonInsteadOfTheirOwnCopies() throws IOException {
        Path project = tmp.resolve("project");
        Path log = tmp.resolve("classes.log");
        try (SimulatorServer sim = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build())) {
            Product product = Product.inHome(tmp.resolve("home"));
            Product.Run init = product.init(project, sim);
            assertThat(init.exitCode()).as(init.all()).isZero();

            Product.Run sync = product.jvmOptions("-Xlog:class+load=info:file=" + log).run(project, "sync");

            assertThat(sync.exitCode()).as(sync.all()).isZero();
        }
        List<String> jackson = read(log).lines().filter(l -> l.contains("] com.fasterxml.jackson.")).toList();
        assertThat(jackson).as("Jackson classes loaded").anyMatch(l -> l.contains("] com.fasterxml.jackson.core.JsonParser "));
        assertThat(jackson).as("Jackson classes loaded from a plugin's lib/").noneMatch(l -> l.contains("/plugins/"));
    }

    /**
     * The archive is made for the build's module path. Java 17 maps it for another one too and then fails on a package
     * defined from two jars ("sealing violation"): an install moved, or unpacked from the tarball, elsewhere broke every
     * command that writes a file. The launcher uses the archive only where it was made.
     */
    @Test
    void anInstallMovedElsewhereWorks() throws IOException {
        assumeTrue(Files.exists(Product.distDir().resolve("lib/proxmox-mpc.jsa")), "the build made no class-data archive");
        Path moved = tmp.resolve("elsewhere/proxmox-mpc");
        copyTree(Product.distDir(), moved);

        Product.Run run = status(moved, "");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("VMs: 0");
        assertThat(run.all()).doesNotContain("sealing violation");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
