package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.resources.command.CreateVmCommand;
import dev.proxmoxmpc.plugin.resources.command.DeleteVmCommand;
import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing commands regenerate the files at once; a refused command writes none. */
class RegenerationTest {

    /** Lists the desired guests, one per line: a stand-in for the Terraform and Ansible generators. */
    static final class GuestListGenerator implements Generator {
        @Override
        public String id() {
            return "guest-list";
        }

        @Override
        public GenerationResult generate(GenerationRequest request) {
            String text = request.desired().guests().stream().map(g -> g.vmid() + " " + g.name()).collect(Collectors.joining("\n"));
            return new GenerationResult(List.of(new GeneratedFile("inventory/guests.txt", text + "\n")), List.of());
        }
    }

    @Test
    void createAndDeleteRewriteTheGeneratedFilesAndARefusalDoesNot(@TempDir Path root) throws Exception {
        Fixture f = new Fixture(root);
        TestKernelContext ctx = TestKernelContext.builder().root(root).state(f.state).console(f.console)
                .extension(new CreateVmCommand(), new DeleteVmCommand(), new GuestListGenerator()).build();
        Path file = root.resolve("inventory/guests.txt");

        ctx.execute("create vm --name web-01 --vmid 150");
        assertThat(Files.readString(file)).isEqualTo("100 old-01\n150 web-01\n200 dns-01\n9000 ubuntu-2404\n");
        assertThat(f.console.output()).contains("files: inventory/guests.txt");

        Files.delete(file);
        ctx.execute("create vm --name web-01");
        assertThat(file).doesNotExist();
        assertThat(f.state.load(StateKind.DESIRED).guests()).extracting(Guest::vmid).containsExactly(100, 150, 200, 9000);

        f.console.yes(true);
        ctx.execute("delete vm web-01");
        assertThat(Files.readString(file)).isEqualTo("100 old-01\n200 dns-01\n9000 ubuntu-2404\n");
    }
}
