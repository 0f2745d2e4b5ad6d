package dev.proxmoxmpc.kernel.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.kernel.boot.KernelRun;
import dev.proxmoxmpc.kernel.state.StateStores;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ConsoleCommand;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.kernel.GenerationReport;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.InfrastructureProvider;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's context on a real project (config.yml, SQLite state) with embedded extensions. */
class KernelProjectTest {
    static final String CONFIG = """
            current_environment: lab
            environments:
              lab:
                endpoint: https://10.0.0.2:8006
                node: pve1
                token_id: root@pam!mpc
                tls:
                  insecure: true
            generators:
              text:
                greeting: hi
            """;

    @TempDir
    Path dir;
    Path project;

    /** Writes one file per option and the environment. */
    static final class TextGenerator implements Generator {
        @Override
        public String id() {
            return "text";
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            String body = request.options().get("greeting") + " " + request.environment() + " " + request.endpoint();
            return new GenerationResult(List.of(new GeneratedFile("docs/hello.txt", body)), List.of());
        }
    }

    /** {@code gen}: regenerates from an empty inventory and prints the report. */
    @Command(name = "gen")
    static final class Gen implements ConsoleCommand {
        @Override
        public boolean requiresProject() {
            return true;
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            List<String> edited = ctx.editedGeneratedFiles();
            GenerationReport r = ctx.regenerate(Inventory.empty());
            ctx.console().println("edited=" + edited + " written=" + r.written() + " unchanged=" + r.unchanged());
            return CommandResult.ok();
        }
    }

    /** Writes how many guests the observed inventory it is given has. */
    static final class ObservedGenerator implements Generator {
        @Override
        public String id() {
            return "observed";
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            return new GenerationResult(List.of(new GeneratedFile("docs/observed.txt",
                    request.observed().guests().size() + " guests")), List.of());
        }
    }

    /**
     * {@code obs}: stores 2 guests as observed, regenerates (the kernel loads them), then regenerates with the
     * 5 guests it passes (the kernel takes those).
     */
    @Command(name = "obs")
    static final class Obs implements ConsoleCommand {
        @Override
        public boolean requiresProject() {
            return true;
        }

        @Override
        public CommandResult execute(KernelContext ctx) {
            ctx.state().save(dev.proxmoxmpc.spi.state.StateKind.OBSERVED, SampleInventories.many(2));
            ctx.regenerate(Inventory.empty());
            ctx.console().println(read(ctx));
            ctx.regenerate(Inventory.empty(), SampleInventories.many(5));
            ctx.console().println(read(ctx));
            return CommandResult.ok();
        }

        private static String read(KernelContext ctx) {
            try {
                return Files.readString(ctx.workspace().resolve("docs/observed.txt"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void regenerateTakesTheObservedInventoryTheCallerHoldsElseLoadsIt() throws IOException {
        KernelRun k = new KernelRun(project, Files.createDirectories(dir.resolve("home"))).env(Map.of("NO_COLOR", "1"))
                .extensions(new ObservedGenerator(), new Obs());
        assertThat(k.run("obs").out()).isEqualTo("2 guests\n5 guests\n");
    }

    /** {@code connect}: connects to the current environment. */
    @Command(name = "connect")
    static final class Connect implements ConsoleCommand {
        @Override
        public CommandResult execute(KernelContext ctx) {
            try (ProviderSession s = ctx.connect()) {
                return CommandResult.ok();
            }
        }
    }

    /** A provider that refuses, naming the endpoint it was given. */
    static final class Refusing implements InfrastructureProvider {
        @Override
        public String id() {
            return "proxmox";
        }

        @Override
        public ProviderSession connect(Endpoint endpoint) {
            throw new ProviderException(ProviderException.Kind.CONNECTION, "cannot reach " + endpoint + " secret-length=" + endpoint.tokenSecret().length());
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        project = dir.resolve("proj");
        Files.createDirectories(project.resolve(".proxmox"));
        Files.writeString(project.resolve(".proxmox/config.yml"), CONFIG);
        Files.createDirectories(project.resolve("terraform/vms"));
        StateStores.sqlite(project.resolve(".proxmox/state.db"), project.resolve(".proxmox/history"), Clock.systemUTC(),
                StateStores.Missing.CREATE).close();
    }

    private KernelRun kernel(Path workDir, Map<String, String> env) throws IOException {
        return new KernelRun(workDir, Files.createDirectories(dir.resolve("home"))).env(env)
                .extensions(new TextGenerator(), new Gen(), new Connect(), new Refusing());
    }

    @Test
    void regeneratesIntoTheNearestProjectUpwardsAndRewritesNothingTheSecondTime() throws IOException {
        KernelRun k = kernel(project.resolve("terraform/vms"), Map.of("NO_COLOR", "1"));
        KernelRun.Result first = k.run("gen");
        assertThat(first.err()).as("one generator, one file").startsWith("Generating files: done 2/2 in ").hasLineCount(1);
        assertThat(first.out()).isEqualTo("edited=[] written=[docs/hello.txt] unchanged=[]\n");
        assertThat(project.resolve("docs/hello.txt")).hasContent("hi lab https://10.0.0.2:8006");
        assertThat(k.run("gen").out()).isEqualTo("edited=[] written=[] unchanged=[docs/hello.txt]\n");
        Files.writeString(project.resolve("docs/hello.txt"), "by hand");
        assertThat(k.run("--project", "../..", "-c", "gen").out())
                .isEqualTo("edited=[docs/hello.txt] written=[docs/hello.txt] unchanged=[]\n");
    }

    @Test
    void connectsWithTheSecretFromTheEnvironmentAndWarnsWhenInsecure() throws IOException {
        KernelRun.Result r = kernel(project, Map.of("NO_COLOR", "1", "PROXMOX_MPC_LAB_SECRET", "s3cr3t")).run("connect");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "warning: TLS verification is off for environment 'lab' (insecure: true); pin the certificate fingerprint instead",
                "error: cannot reach Endpoint[lab https://10.0.0.2:8006 token root@pam!mpc tls=insecure] secret-length=6");
    }

    @Test
    void aMissingSecretNamesWhereToPutIt() throws IOException {
        KernelRun.Result r = kernel(project, Map.of("NO_COLOR", "1")).run("connect");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("error: no secret for environment 'lab': set PROXMOX_MPC_LAB_SECRET or add 'lab: ...' "
                + "to .proxmox/secrets.yml");
    }

    @Test
    void aConfigErrorIsOneLineWithoutAJavaClassName() throws IOException {
        Files.writeString(project.resolve(".proxmox/config.yml"), CONFIG + "nodes: [\n");
        KernelRun.Result r = kernel(project, Map.of("NO_COLOR", "1", "PROXMOX_MPC_LAB_SECRET", "s")).run("connect");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("error: .proxmox/config.yml").doesNotContain("Exception").doesNotContain("\n");
    }
}
