package dev.proxmoxmpc.plugin.docs.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.docs.DocsGenerator;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsCommandTest {
    private static final Inventory STATE = new Inventory("lab", List.of(new Node("pve1", "online", 8, 32L << 30, 64L << 30, 1, "")),
            List.of(new VirtualMachine(100, "pve1", "", PowerState.RUNNING, Map.of("name", "web-01", "onboot", "1",
                    "net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0"), GuestRuntime.NONE)), List.of(), List.of(), List.of());

    @TempDir
    Path dir;
    private final RecordingConsole console = new RecordingConsole();
    private final List<Path> opened = new ArrayList<>();

    private TestKernelContext context(Object... more) {
        List<Object> ext = new ArrayList<>(List.of(new DocsGenerator(), new DocsCommand(file -> opened.add(file))));
        ext.addAll(List.of(more));
        TestKernelContext ctx = TestKernelContext.builder().root(dir).console(console).extension(ext.toArray()).build();
        ctx.state().save(StateKind.DESIRED, STATE);
        return ctx;
    }

    @Test
    void aSecondRunRewritesNothing() throws Exception {
        TestKernelContext ctx = context();
        assertThat(ctx.execute("/docs").succeeded()).isTrue();
        assertThat(Files.readString(dir.resolve("docs/architecture.md"))).contains("web-01");
        assertThat(dir.resolve("scripts/backup.sh")).exists();
        long before = Files.getLastModifiedTime(dir.resolve("docs/architecture.md")).toMillis();
        assertThat(ctx.execute("docs --json").succeeded()).isTrue();
        DocsResult second = (DocsResult) console.jsonValues().get(0);
        assertThat(second.written()).isEmpty();
        assertThat(second.removed()).isEmpty();
        assertThat(second.unchanged()).contains("docs/architecture.md", "docs/inventory.csv", "scripts/monitoring.sh").hasSize(20);
        assertThat(Files.getLastModifiedTime(dir.resolve("docs/architecture.md")).toMillis()).isEqualTo(before);
        assertThat(console.output()).contains("docs regenerated: 20 written, 0 unchanged, 0 removed");
    }

    @Test
    void aChangedStateRewritesOnlyWhatChanged() {
        TestKernelContext ctx = context();
        ctx.execute("docs");
        ctx.state().save(StateKind.DESIRED, STATE.withGuest(STATE.guest(100).orElseThrow().withConfigValue("cores", "4")));
        ctx.execute("docs --json");
        DocsResult r = (DocsResult) console.jsonValues().get(0);
        assertThat(r.written()).containsExactlyInAnyOrder("docs/architecture.md", "docs/inventory.md", "docs/inventory.csv");
    }

    @Test
    void openShowsArchitectureInTheViewer() {
        TestKernelContext ctx = context();
        assertThat(ctx.execute("docs --open").succeeded()).isTrue();
        assertThat(opened).containsExactly(dir.resolve("docs/architecture.md"));
        assertThat(console.output()).contains("opened docs/architecture.md");
    }

    @Test
    void refusesWhileOtherGeneratedFilesCarryHandEdits() throws Exception {
        TestKernelContext ctx = context(new OneFileGenerator());
        ctx.execute("docs");
        Files.writeString(dir.resolve("terraform/main.tf"), "# edited by hand\n");
        CommandResult r = ctx.execute("docs");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(r.message()).isEqualTo("terraform/main.tf changed by hand; run /sync first to read the edits back"
                + " (/docs regenerates every generated file)");
        assertThat(Files.readString(dir.resolve("terraform/main.tf"))).isEqualTo("# edited by hand\n");
    }

    @Test
    void strayWordsAreAUsageError() {
        assertThatThrownBy(() -> Commands.parse(new DocsCommand(), List.of("now"))).isInstanceOf(UsageException.class)
                .hasMessage("unexpected 'now'");
        assertThat(context().execute("docs --opn").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(console.errors()).contains("unknown option --opn; did you mean --open?");
    }

    /** Stands in for the Terraform generator. */
    private static final class OneFileGenerator implements Generator {
        @Override
        public String id() {
            return "terraform";
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            return new GenerationResult(List.of(new GeneratedFile("terraform/main.tf", "# generated\n")), List.of());
        }
    }
}
