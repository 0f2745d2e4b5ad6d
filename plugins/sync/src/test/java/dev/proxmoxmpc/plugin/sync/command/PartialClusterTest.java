package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.ct;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that is down (pve2 holds ct/200): /sync imports the rest and keeps its guests as last seen, /plan, /apply and
 * /status say what they cannot see and never plan those guests.
 */
class PartialClusterTest {
    @TempDir
    Path root;

    private Harness synced() {
        Harness h = new Harness(root, inventory(vm(101, "web"), vm(102, "db"), ct(200, "dns"), ct(201, "proxy")));
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        h.server.nodeDown("pve2", true);
        return h;
    }

    @Test
    void syncImportsWhatIsReachableAndNamesTheNodeInOneWarning() {
        Harness h = synced();
        h.server.edit(vm(101, "web", Map.of("cores", "4")));
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        String all = h.all();
        assertThat(all).contains("node pve2 (offline) could not be reached: 2 guests are kept as last seen (status unknown)"
                + " and not planned: ct/200 dns, ct/201 proxy");
        assertThat(all.split("could not be reached", -1)).hasSize(2);
        assertThat(all).contains("Drift: 1 resource").doesNotContain("ct/200 dns deleted");
        assertThat(h.state.load(StateKind.DESIRED).guest(101).orElseThrow().config()).containsEntry("cores", "4");
        assertThat(h.state.load(StateKind.DESIRED).guest(200)).as("kept in desired").isPresent();
        assertThat(h.state.load(StateKind.DESIRED).guest(200).orElseThrow().status()).isEqualTo(PowerState.RUNNING);
        assertThat(h.state.load(StateKind.OBSERVED).guest(200).orElseThrow().status()).isEqualTo(PowerState.UNKNOWN);
        assertThat(h.state.load(StateKind.BASE).guest(201)).isPresent();
    }

    @Test
    void planNeverCreatesDeletesOrChangesGuestsOnTheUnreachableNodeAndSaysSo() {
        Harness h = synced();
        Inventory desired = h.state.load(StateKind.DESIRED);
        Map<String, String> more = new HashMap<>(desired.guest(200).orElseThrow().config());
        more.put("memory", "2048");
        Guest bigger = desired.guest(200).orElseThrow().withConfig(more);
        h.state.save(StateKind.DESIRED, desired.withGuest(bigger).withoutGuest(201).withGuest(ct(202, "new-on-pve2"))
                .withGuest(desired.guest(102).orElseThrow().withStatus(PowerState.STOPPED)));
        var planRun = h.run("plan --detailed-exitcode");
        assertThat(planRun.exitCode()).as(h.all()).isEqualTo(ExitCode.CHANGES_PENDING);
        String all = h.all();
        assertThat(all).contains("node pve2 (offline) cannot be reached: not planned, changes to them wait until it is back:"
                + " ct/200 dns, ct/201 proxy, ct/202 new-on-pve2 (to be on pve2)");
        assertThat(all).contains("vm/102 db").contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.");
        h.run("apply --yes");
        assertThat(h.server.applied()).extracting(Change::summary).noneMatch(s -> s.contains("200") || s.contains("201")
                || s.contains("202"));
        assertThat(h.server.applied()).isNotEmpty();
        assertThat(h.all()).contains("cannot be reached");
        assertThat(h.state.load(StateKind.OBSERVED).guest(201)).as("last known kept through the apply").isPresent();
    }

    @Test
    void statusShowsTheNodeOfflineAndWhatIsKeptAsLastSeen() {
        Harness h = synced();
        h.run("sync");
        h.run("status");
        assertThat(h.all()).contains("pve2", "offline")
                .contains("node pve2 (offline) could not be reached: 2 guests are kept as last seen");
        h.server.nodeDown("pve2", false);
        h.run("sync");
        assertThat(h.state.load(StateKind.OBSERVED).guest(200).orElseThrow().status()).isEqualTo(PowerState.RUNNING);
        assertThat(h.state.load(StateKind.OBSERVED).nodes()).allMatch(n -> n.online());
    }
}
