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

    @Test
    void anUnskippableCheckRunsEvenWithSkipTestsAndJsonCarriesItsWholeReport() {
        Check inner = new Check(Diagnostic.error("ops@pve!mpc lacks 1 privilege this plan needs; nothing was changed:\n"
                + "  /vms/101  VM.Config.Memory  (~ vm/101)\n  pveum acl modify /vms/101 ...", "privileges"));
        PreApplyCheck unskippable = new PreApplyCheck() {
            @Override
            public String id() {
                return "privileges";
            }

            @Override
            public List<Diagnostic> check(KernelContext ctx, PreApplyRequest request) {
                return inner.check(ctx, request);
            }

            @Override
            public boolean skippable() {
                return false;
            }
        };
        Harness h = new Harness(root, inventory(vm(101, "web")), unskippable);
        h.run("sync");
        h.state.save(StateKind.DESIRED, h.state.load(StateKind.DESIRED).withGuest(vm(101, "web", Map.of("memory", "8192"))));
        CommandResult result = h.run("apply --yes --skip-tests");
        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.message()).contains("1 pre-apply check failed (shown above); nothing was changed").doesNotContain("--skip-tests");
        assertThat(h.all()).contains("FAIL privileges: ops@pve!mpc lacks 1 privilege", "pveum acl modify /vms/101");
        assertThat(h.server.applied()).isEmpty();
        Harness j = new Harness(root.resolve("j"), inventory(vm(101, "web")), unskippable);
        j.run("sync");
        j.state.save(StateKind.DESIRED, j.state.load(StateKind.DESIRED).withGuest(vm(101, "web", Map.of("memory", "8192"))));
        CommandResult json = j.run("apply --yes --json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(j.console.jsonValues()).last().isInstanceOfSatisfying(ApplyResult.class, r -> {
            assertThat(r.outcome()).isEqualTo("refused");
            assertThat(r.message()).contains("/vms/101  VM.Config.Memory", "pveum acl modify /vms/101");
        });
        assertThat(j.server.applied()).isEmpty();
        assertThat(h.server.applied()).isEmpty();
    }
}
