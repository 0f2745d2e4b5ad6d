package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.PreApplyCheck;
import dev.proxmoxmpc.spi.iac.PreApplyRequest;
import dev.proxmoxmpc.spi.kernel.KernelContext;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreApplyCheckTest {
    @TempDir
    Path root;

    /** Fails with the given diagnostics and remembers the changes it was shown. */
    static final class Check implements PreApplyCheck {
        final List<Diagnostic> answer;
        final List<PreApplyRequest> seen = new ArrayList<>();

        Check(Diagnostic... answer) {
            this.answer = List.of(answer);
        }

        @Override
        public String id() {
            return "fake";
        }

        @Override
        public List<Diagnostic> check(KernelContext ctx, PreApplyRequest request) {
            seen.add(request);
            return answer;
        }
    }

    private Harness synced(Check check) {
        Harness h = new Harness(root, inventory(vm(101, "web")), check);
        h.run("sync");
        Inventory d = h.state.load(StateKind.DESIRED);
        h.state.save(StateKind.DESIRED, d.withGuest(vm(101, "web", Map.of("memory", "8192"))));
        return h;
    }

    @Test
    void anErrorFromAPreApplyCheckRefusesTheApply() {
        Check check = new Check(Diagnostic.error("node pve1 memory: expected at most 64 GiB, actual 96 GiB", "node/pve1"));
        Harness h = synced(check);
        CommandResult result = h.run("apply --yes");
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.message()).contains("1 pre-apply test failed", "--skip-tests");
        assertThat(h.all()).contains("FAIL node/pve1: node pve1 memory");
        assertThat(h.server.applied()).isEmpty();
        assertThat(check.seen).singleElement().satisfies(r -> assertThat(r.changes()).isNotEmpty());
    }

    @Test
    void skipTestsAppliesAnywayAndWarningsNeverBlock() {
        Harness h = synced(new Check(Diagnostic.error("broken", "vm/101")));
        assertThat(h.run("apply --yes --skip-tests").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.applied()).isNotEmpty();

        Harness w = new Harness(root.resolve("w"), inventory(vm(101, "web")), new Check(Diagnostic.warning("agent silent", "vm/101")));
        w.run("sync");
        w.state.save(StateKind.DESIRED, w.state.load(StateKind.DESIRED).withGuest(vm(101, "web", Map.of("memory", "8192"))));
        assertThat(w.run("apply --yes").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(w.all()).contains("WARN vm/101: agent silent");
    }
}
