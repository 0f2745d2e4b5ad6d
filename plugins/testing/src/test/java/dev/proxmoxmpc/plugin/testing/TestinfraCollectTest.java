package dev.proxmoxmpc.plugin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.testing.generate.TestsGenerator;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real pytest (Debian's {@code /usr/bin/python3} with {@code python3-testinfra}) collects the generated Testinfra files
 * without error: every test function of every file. Collection runs with the local backend ({@code --hosts=local://}),
 * so it needs neither the guests nor Ansible.
 */
class TestinfraCollectTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path root;

    @Test
    void pytestCollectsTheGeneratedFiles() throws Exception {
        ExternalTool.need(Files.isExecutable(PYTHON) && ExternalTool.works(PYTHON.toString(), "-c", "import testinfra, pytest"),
                "Debian's /usr/bin/python3 with python3-testinfra is needed");
        List<GeneratedFile> files = new TestsGenerator().generate(new GenerationRequest(Fixtures.healthy(), "default", "", Map.of(),
                new ClasspathTemplates())).files().stream().filter(f -> f.path().startsWith("tests/testinfra/")).toList();
        assertThat(files).hasSize(3);
        for (GeneratedFile f : files) {
            Path p = root.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
        }
        ExternalTool.Run r = ExternalTool.run(root, List.of(PYTHON.toString(), "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                "--hosts=local://", "tests/testinfra"), Map.of());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("tests/testinfra/test_web_01.py::test_ssh_listens", "tests/testinfra/test_web_01.py::test_nginx_running",
                "tests/testinfra/test_web_01.py::test_port_80_listens", "tests/testinfra/test_dns.py::test_root_file_system_not_full")
                .doesNotContain("error");
    }
}
