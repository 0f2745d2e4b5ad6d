package dev.proxmoxmpc.plugin.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTargetsGeneratorTest {
    private final Inventory inventory = Inventory.empty()
            .withGuest(new VirtualMachine(101, "pve1", "", PowerState.RUNNING,
                    Map.of("name", "web-01", "tags", "prod;web", "ipconfig0", "ip=10.0.0.11/24,gw=10.0.0.1"), GuestRuntime.NONE))
            .withGuest(new VirtualMachine(102, "pve2", "", PowerState.RUNNING, Map.of("name", "db-01"),
                    new GuestRuntime("", "", 10, List.of("10.0.0.12"), "")))
            .withGuest(new VirtualMachine(9000, "pve1", "", PowerState.STOPPED, Map.of("name", "tpl", "template", "1"), GuestRuntime.NONE))
            .withGuest(new Container(200, "pve3", "", PowerState.RUNNING,
                    Map.of("hostname", "dns", "net0", "name=eth0,bridge=vmbr0,ip=10.0.0.53/24"), GuestRuntime.NONE))
            .withGuest(new VirtualMachine(103, "pve1", "", PowerState.RUNNING, Map.of("name", "dhcp-vm", "ipconfig0", "ip=dhcp"), GuestRuntime.NONE));

    @Test
    void writesOneTargetPerGuestWithAnAddress(@TempDir Path dir) {
        TestKernelContext ctx = TestKernelContext.builder().root(dir).extension(new PrometheusTargetsGenerator()).build();
        GenerationResult result = new PrometheusTargetsGenerator().generate(
                new dev.proxmoxmpc.spi.iac.GenerationRequest(inventory, "default", "", Map.of("port", 9273), ctx.templates()));
        String json = result.files().get(0).content();
        assertThat(json).contains("\"10.0.0.11:9273\"", "\"10.0.0.12:9273\"", "\"10.0.0.53:9273\"")
                .doesNotContain("9000").doesNotContain("dhcp-vm");
        assertThat(json).contains("\"tags\" : \"prod,web\"");
        assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo("vm/103"));
    }

    @Test
    void regeneratingUnchangedStateRewritesNothing(@TempDir Path dir) throws Exception {
        TestKernelContext ctx = TestKernelContext.builder().root(dir).extension(new PrometheusTargetsGenerator()).build();
        GenerationReport first = ctx.regenerate(inventory);
        GenerationReport second = ctx.regenerate(inventory);
        assertThat(first.written()).containsExactly(PrometheusTargetsGenerator.PATH);
        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).containsExactly(PrometheusTargetsGenerator.PATH);
        assertThat(Files.readString(dir.resolve(PrometheusTargetsGenerator.PATH))).startsWith("[");
    }

    @Test
    void commandListsTargetsAsTableAndJson(@TempDir Path dir) {
        RecordingConsole console = new RecordingConsole();
        TestKernelContext ctx = TestKernelContext.builder().root(dir).console(console).extension(new TargetsCommand()).build();
        ctx.state().save(StateKind.DESIRED, inventory);
        assertThat(ctx.execute("prometheus targets").succeeded()).isTrue();
        assertThat(console.tables().get(0).rows()).extracting(r -> r.get(0))
                .containsExactly("10.0.0.11:9100", "10.0.0.12:9100", "10.0.0.53:9100");
        assertThat(ctx.execute("prometheus targets --port 1 --json").succeeded()).isTrue();
        assertThat(console.jsonValues()).singleElement().asList().hasSize(3);
    }

    @Test
    void refusesANonNumericPort(@TempDir Path dir) {
        RecordingConsole console = new RecordingConsole();
        TestKernelContext ctx = TestKernelContext.builder().root(dir).console(console).extension(new TargetsCommand()).build();
        assertThat(ctx.execute("prometheus targets --port x").exitCode().code()).isEqualTo(2);
        assertThat(console.errors()).contains("--port must be a whole number, got 'x'");
    }
}
