package dev.proxmoxmpc.plugin.testing;

import static dev.proxmoxmpc.plugin.testing.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.plugin.testing.check.TestFileReader;
import dev.proxmoxmpc.plugin.testing.generate.TestsGenerator;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.testkit.ClasspathTemplates;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestsGeneratorTest {

    private static GenerationResult generate(Inventory inv, Map<String, Object> options) {
        return new TestsGenerator().generate(new GenerationRequest(inv, "default", "", options, new ClasspathTemplates()));
    }

    private static String file(GenerationResult r, String path) {
        return r.files().stream().filter(f -> f.path().equals(path)).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " in " + r.files().stream().map(GeneratedFile::path).toList()));
    }

    @Test
    void everyGuestGetsItsFileAndTheClusterItsChecks() {
        GenerationResult r = generate(Fixtures.healthy(), Map.of());
        assertThat(r.files()).extracting(GeneratedFile::path).contains("tests/vms/web-01.test.yml", "tests/vms/web-02.test.yml",
                "tests/containers/dns.test.yml", "tests/infrastructure.test.yml", "tests/integration/services.test.yml",
                "tests/integration/anti-affinity.test.yml", "tests/performance/web-01.test.yml", "tests/testinfra/test_web_01.py",
                "tests/testinfra/test_dns.py");
        assertThat(file(r, "tests/vms/web-01.test.yml")).contains("guest: web-01\nvmid: 100\nchecks:\n  - check: exists\n    node: pve1\n",
                "    field: cores\n    expected: 2\n", "    field: scsi0\n    expected: \"storage=local-lvm,size=32G\"\n",
                "    field: net0\n    expected: \"bridge=vmbr0,model=virtio,firewall=1\"\n", "  - check: power\n    expected: running\n",
                "  - check: storage\n    storage: local-lvm\n", "  - check: bridge\n    bridge: vmbr0\n", "  - check: agent\n");
        assertThat(file(r, "tests/integration/anti-affinity.test.yml")).contains("tag: web").doesNotContain("tag: dns");
        assertThat(file(r, "tests/integration/services.test.yml")).contains("guest: web-01\n    port: 22", "guest: web-01\n    port: 80",
                "guest: dns\n    port: 53");
    }

    @Test
    void generatedFilesReadBackAsTheChecksTheyWrite() {
        GenerationResult r = generate(Fixtures.healthy(), Map.of("storage_max_percent", 80));
        for (GeneratedFile f : r.files()) {
            if (f.path().endsWith(".test.yml")) {
                TestFile t = TestFileReader.read(f.path(), f.content());
                assertThat(t.checks()).as(f.path()).isNotEmpty().allSatisfy(c -> assertThat(c.type()).isNotBlank());
            }
        }
        TestFile infra = TestFileReader.read("x", file(r, "tests/infrastructure.test.yml"));
        assertThat(infra.checks()).extracting(Check::type).containsExactly("quorum", "nodes-online", "unique-vmids", "unique-names",
                "node-memory", "node-cpu", "storage-usage");
        assertThat(infra.checks().get(6).number("max_percent", 0)).isEqualTo(80);
    }

    @Test
    void regeneratingTheSameStateGivesTheSameBytes() {
        assertThat(generate(Fixtures.healthy(), Map.of()).files()).isEqualTo(generate(Fixtures.healthy(), Map.of()).files());
    }

    @Test
    void stoppedGuestsAndTemplatesGetNoPerformanceOrInGuestTests() {
        Inventory inv = Fixtures.cluster(vm(100, "web-01", "pve1", Map.of()).withStatus(PowerState.STOPPED),
                vm(9000, "tpl", "pve1", Map.of("template", "1")).withStatus(PowerState.STOPPED));
        GenerationResult r = generate(inv, Map.of());
        assertThat(r.files()).extracting(GeneratedFile::path).contains("tests/vms/web-01.test.yml", "tests/vms/tpl.test.yml")
                .noneMatch(p -> p.startsWith("tests/performance/") || p.startsWith("tests/testinfra/"));
        assertThat(file(r, "tests/vms/tpl.test.yml")).doesNotContain("check: power").doesNotContain("check: agent");
        assertThat(file(r, "tests/vms/web-01.test.yml")).contains("expected: stopped");
    }

    @Test
    void namesThatCollideOrAreUnsafeGetSafeDistinctFiles() {
        Inventory inv = Fixtures.cluster(vm(100, "a b", "pve1", Map.of()), vm(101, "a_b", "pve1", Map.of()), vm(102, "", "pve1", Map.of()));
        assertThat(generate(inv, Map.of()).files()).extracting(GeneratedFile::path)
                .contains("tests/vms/a_b.test.yml", "tests/vms/a_b-101.test.yml", "tests/vms/vm-102.test.yml");
    }

    @Test
    void startOrderIsCheckedWhenGuestsHaveOne() {
        Inventory inv = Fixtures.cluster(vm(100, "db", "pve1", Map.of("startup", "order=1")), vm(101, "app", "pve1", Map.of("startup", "order=2,up=30")));
        assertThat(file(generate(inv, Map.of()), "tests/integration/start-order.test.yml")).contains("guests: [db, app]");
        assertThat(generate(Fixtures.healthy(), Map.of()).files()).extracting(GeneratedFile::path)
                .doesNotContain("tests/integration/start-order.test.yml");
        assertThat(List.of()).isEmpty();
    }
}
