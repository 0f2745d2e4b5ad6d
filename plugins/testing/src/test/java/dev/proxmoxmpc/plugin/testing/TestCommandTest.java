package dev.proxmoxmpc.plugin.testing;

import static dev.proxmoxmpc.plugin.testing.Fixtures.ct;
import static dev.proxmoxmpc.plugin.testing.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.testing.command.TestCommand;
import dev.proxmoxmpc.plugin.testing.command.ValidateCommand;
import dev.proxmoxmpc.plugin.testing.run.TestReport;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class TestCommandTest {
    @TempDir
    Path root;

    private Project healthy() {
        Project p = new Project(root, Fixtures.healthy());
        p.server.answer("/cluster/status", List.of(Map.of("type", "cluster", "name", "lab", "quorate", 1)));
        p.server.answer("/cluster/resources", List.of(Map.of("storage", "local-lvm", "node", "pve1", "status", "available",
                "disk", 10L * Fixtures.GIB, "maxdisk", 100L * Fixtures.GIB)));
        p.server.answer("/nodes/pve1/qemu/100/agent/network-get-interfaces", Map.of("result", List.of()));
        p.server.answer("/nodes/pve2/qemu/101/agent/network-get-interfaces", Map.of("result", List.of()));
        return p;
    }

    @Test
    void aHealthyClusterPassesLiveWithSkipsForWhatCannotRunHere() {
        Project p = healthy();
        assertThat(p.run("test").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(p.console.output()).containsPattern("(?m)^\\d+ passed, 0 failed, \\d+ skipped$")
                .contains("SKIP web-01 cpu p95 (the server does not offer this");
        assertThat(p.all()).doesNotContain("FAIL");
    }

    @Test
    void aChangedCoreCountFailsExactlyThatGuestNamingTheField() {
        Project p = healthy();
        p.server.inventory(Fixtures.healthy().withGuest(vm(101, "web-02", "pve2", Map.of("cores", "3"))));
        assertThat(p.run("test").exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(p.console.output().lines().filter(l -> l.startsWith("FAIL")).toList())
                .containsExactly("FAIL web-02 cores: expected 2, actual 3");
        assertThat(p.console.output()).containsPattern("(?m)^\\d+ passed, 1 failed, \\d+ skipped$");
    }

    @Test
    void anOfflineNodeSkipsItsGuestsChecksWithTheReason() {
        Project p = healthy();
        Inventory inv = Fixtures.healthy();
        p.server.inventory(new Inventory(inv.cluster(), List.of(inv.nodes().get(0),
                new Node("pve2", "offline", 8, 16 * Fixtures.GIB, 0, 0, "")), inv.guests(), inv.storages(), inv.networks(), inv.pools()));
        p.run("test web-02");
        assertThat(p.console.output()).contains("SKIP web-02 cores (node pve2 is offline)", "SKIP web-02 power (node pve2 is offline)")
                .containsPattern("(?m)^0 passed, 0 failed, \\d+ skipped$");
    }

    @Test
    void aTokenWithoutPrivilegesSkipsEveryLiveCheck() {
        Project p = healthy();
        p.server.failDiscovery(new ProviderException(ProviderException.Kind.PERMISSION, "permission denied: root@pam!ro lacks Sys.Audit"));
        assertThat(p.run("test").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(p.console.output()).contains("SKIP web-01 cores (the token lacks the privilege: permission denied")
                .containsPattern("(?m)^0 passed, 0 failed, \\d+ skipped$");
    }

    @Test
    void thePlanPhaseCatchesANewGuestThatOvercommitsItsNodeWithoutAskingTheServer() {
        Project p = healthy();
        p.state.save(StateKind.DESIRED, Fixtures.healthy().withGuest(vm(150, "big", "pve1", Map.of("memory", "20480"))));
        assertThat(p.run("test --phase plan").exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(p.console.output()).contains("FAIL node pve1 memory: expected at most 16.0 GiB, actual 25.0 GiB for running guests");
        assertThat(p.server.reads()).isEmpty();
    }

    @Test
    void junitXmlHasOneTestcasePerCheck() throws Exception {
        Project p = healthy();
        p.console.jsonRequested(true);
        p.run("test --junit reports/infra.xml");
        TestReport report = (TestReport) p.console.jsonValues().get(0);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(root.resolve("reports/infra.xml").toFile());
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(report.results().size()).isGreaterThan(20);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo((int) report.skipped());
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void aUsersOwnTestFileRunsBesideTheGeneratedOnesAndItsSeverityHolds() throws Exception {
        Project p = healthy();
        Files.writeString(root.resolve("tests/my.test.yml"), """
                guest: web-01
                checks:
                  - check: config
                    field: memory
                    expected: 8192
                    severity: warning
                """);
        assertThat(p.run("test tests/my.test.yml").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(p.console.output()).contains("1 warning");
        assertThat(p.all()).contains("WARN web-01 memory: expected 8192, actual 4096");
        p.ctx.regenerate(Fixtures.healthy());
        assertThat(root.resolve("tests/my.test.yml")).exists();
    }

    @Test
    void unknownTargetsAndPhasesAreUsageErrors() {
        Project p = healthy();
        assertThat(p.run("test nosuch").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(p.run("test --phase later").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(p.console.errors()).contains("--phase must be plan or live, not 'later'");
    }

    @Test
    void tabOffersTheDeclaredOptionsAndThePhases() {
        Project p = healthy();
        assertThat(Commands.complete(new TestCommand(), p.ctx, List.of("--"))).containsExactly("--junit", "--phase");
        assertThat(Commands.complete(new TestCommand(), p.ctx, List.of("--phase", ""))).containsExactly("plan", "live");
        assertThat(Commands.complete(new ValidateCommand(), p.ctx, List.of("--"))).containsExactly("--sarif");
        assertThat(p.run("test a b").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void containersGetTheirOwnFiles() {
        new Project(root, Fixtures.cluster(ct(200, "dns", "pve1")));
        assertThat(root.resolve("tests/containers/dns.test.yml")).exists();
    }

    @Test
    void aBrokenPolicyFileIsOneClearFailure() throws Exception {
        Project p = healthy();
        Files.createDirectories(root.resolve(".proxmox"));
        Files.writeString(root.resolve(".proxmox/policies.yml"), "custom:\n  - id: broken\n    expr: guest.memory >\n");
        var r = p.run("validate");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).startsWith(".proxmox/policies.yml:3:").contains("rule 'broken': invalid CEL expression");
        assertThat(p.run("test --phase plan").exitCode()).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void aVmidTheServerUsesForAnotherKindOfGuestFails() {
        Project p = healthy();
        p.state.save(StateKind.DESIRED, Fixtures.healthy().withGuest(ct(101, "web-02", "pve2")));
        assertThat(p.run("test tests/infrastructure.test.yml --phase plan").exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(p.console.output()).contains("FAIL vmid 101: expected container web-02, actual vm web-02 on the server");
    }
}
