package dev.proxmoxmpc.spi.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The japicmp check in {@code spi/pom.xml} really breaks the build: a copy of the SPI module with one method removed
 * from {@code Console} and one abstract method added to {@code Generator} fails {@code verify} against the recorded
 * baseline, naming both. (The real build passing the same check is the control.)
 */
class SpiCompatibilityIT {
    private static final Path REPO = Path.of(System.getProperty("mpc.repo.dir", "..")).toAbsolutePath().normalize();

    @Test
    void anIncompatibleSpiChangeFailsTheBuild(@TempDir Path tmp) throws Exception {
        Path spi = copySpiModule(tmp);
        edit(spi.resolve("src/main/java/dev/proxmoxmpc/spi/console/Console.java"),
                "    boolean jsonRequested();\n", "");
        edit(spi.resolve("src/main/java/dev/proxmoxmpc/spi/iac/Generator.java"),
                "    String id();\n", "    String id();\n\n    String label();\n");

        Result run = maven(spi.resolve("pom.xml"), tmp.resolve("maven.log"));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output())
                .contains("There is at least one incompatibility")
                .contains("dev.proxmoxmpc.spi.console.Console.jsonRequested():METHOD_REMOVED")
                .contains("dev.proxmoxmpc.spi.iac.Generator.label():METHOD_ADDED_TO_INTERFACE");
    }

    private static Path copySpiModule(Path tmp) throws IOException {
        Files.copy(REPO.resolve("pom.xml"), tmp.resolve("pom.xml"));
        Path spi = tmp.resolve("spi");
        for (String part : List.of("pom.xml", "src/main", "baseline")) {
            copyTree(REPO.resolve("spi").resolve(part), spi.resolve(part));
        }
        return spi;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static Result maven(Path pom, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("mvnw").toString(), "-B", "-o", "-f", pom.toString(),
                "verify", "-DskipTests"));
        String localRepo = System.getProperty("mpc.maven.repo.local", "");
        if (!localRepo.isEmpty()) {
            cmd.add("-Dmaven.repo.local=" + localRepo);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("Maven did not finish within 10 minutes; see " + log);
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {}
}
