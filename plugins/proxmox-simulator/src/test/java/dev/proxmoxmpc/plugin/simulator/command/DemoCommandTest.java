package dev.proxmoxmpc.plugin.simulator.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.plugin.simulator.DemoServers;
import dev.proxmoxmpc.plugin.simulator.SimulatorOptions;
import dev.proxmoxmpc.plugin.simulator.SimulatorPlugin;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.command.CommandException;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void anEmptyOrMissingDirectoryIsUsedAsItIs() throws IOException {
        RecordingConsole console = new RecordingConsole();
        DemoCommand.prepare(console, tmp.resolve("new"));
        Files.createDirectories(tmp.resolve("empty"));
        DemoCommand.prepare(console, tmp.resolve("empty"));
        assertThat(console.output()).isEmpty();
    }

    @Test
    void anEarlierDemoProjectIsReplacedAnythingElseRefusedAndKept() throws IOException {
        Path demo = tmp.resolve("demo");
        Files.createDirectories(demo.resolve(".proxmox"));
        Files.writeString(demo.resolve(".proxmox").resolve(DemoCommand.MARKER), "x");
        Files.createDirectories(demo.resolve("terraform/vms"));
        Files.writeString(demo.resolve("terraform/vms/a.tf"), "resource {}");
        RecordingConsole console = new RecordingConsole();
        DemoCommand.prepare(console, demo);
        assertThat(demo).isEmptyDirectory();
        assertThat(console.output()).contains("Replacing the earlier demo project");

        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine.resolve(".proxmox"));
        Files.writeString(mine.resolve(".proxmox/config.yml"), "current_environment: prod\n");
        assertThatThrownBy(() -> DemoCommand.prepare(console, mine)).isInstanceOf(CommandException.class)
                .hasMessageContaining("is not an earlier demo project; nothing was changed");
        assertThat(mine.resolve(".proxmox/config.yml")).hasContent("current_environment: prod");

        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> DemoCommand.prepare(console, file)).hasMessageContaining("is a file");
    }

    @Test
    void badCommandLinesAreUsageErrorsBeforeAnythingStarts() {
        TestKernelContext ctx = TestKernelContext.builder().root(tmp).console(new RecordingConsole()).build();
        DemoCommand demo = new DemoCommand();
        assertThatThrownBy(() -> Commands.run(demo, ctx, List.of("a", "b"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Commands.run(demo, ctx, List.of("--port", "70000"))).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Commands.run(demo, ctx, List.of("--colour"))).isInstanceOf(UsageException.class);
        assertThat(DemoServers.running()).isZero();
        assertThat(tmp.resolve(DemoCommand.DEFAULT_DIR)).doesNotExist();
    }

    @Test
    void theConsoleOpensAfterItUnlessBatch() {
        assertThat(Commands.parse(new DemoCommand(), List.of()).opensConsole()).isTrue();
        assertThat(Commands.parse(new DemoCommand(), List.of("dir")).opensConsole()).isTrue();
        assertThat(Commands.parse(new DemoCommand(), List.of("--batch")).opensConsole()).isFalse();
    }

    @Test
    void theTourNamesTheVmItChangesAndEndsInStep() {
        assertThat(DemoCommand.steps("web-01")).extracting(DemoCommand.Step::command).containsExactly("/status",
                "list vms", "describe vm web-01", "scale vm web-01 --cores 4 --memory 8G", "/plan", "/apply --yes", "/status");
        assertThat(DemoCommand.steps("")).extracting(DemoCommand.Step::command)
                .noneMatch(c -> c.startsWith("describe") || c.startsWith("scale"));
    }

    @Test
    void stoppingThePluginStopsTheDemoSimulator() {
        SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").port(0).build());
        DemoServers.add(server);
        assertThat(server.firstVmName()).isEqualTo("web-01");
        new SimulatorPlugin().stop();
        assertThat(DemoServers.running()).isZero();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), server.port()).close())
                .isInstanceOf(ConnectException.class);
    }
}
