package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.ct;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.template;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.fake.Fixtures;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a live /plan asks the provider to read: by default a targeted read that must read the guests the plan touches
 * (stored desired and observed differ) and the clone sources they name; {@code --refresh=all} the full read.
 */
class PlanRefreshTest {
    @TempDir
    Path root;

    private Harness synced() {
        Harness h = new Harness(root, inventory(vm(101, "web"), vm(102, "db"), ct(200, "dns"), template(9000, "tpl")));
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        return h;
    }

    @Test
    void aPlanRightAfterSyncMustReadNothing() {
        Harness h = synced();
        assertThat(h.run("plan").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.targeted()).containsExactly(Set.of());
    }

    @Test
    void aGuestWhoseFirewallThePlanChangesMustBeReadToo() {
        Harness h = synced();
        Inventory desired = h.state.load(StateKind.DESIRED);
        ClusterObject rule = new ClusterObject("firewall-rules", "vm/102", "", Map.of("rule.0.type", "in",
                "rule.0.action", "ACCEPT", "rule.0.dport", "443"));
        ClusterObject cluster = new ClusterObject("firewall-rules", "", "", Map.of("rule.0.type", "in",
                "rule.0.action", "DROP"));
        h.state.save(StateKind.DESIRED, desired.withObjects(List.of(rule, cluster)));

        h.run("plan");
        // 102's own firewall differs: read it (and its config); a cluster-level object is read anyway
        assertThat(h.server.targeted()).containsExactly(Set.of(102));
        assertThat(Discovery.guestsWithDifferingObjects(desired.withObjects(List.of(rule, cluster)), desired))
                .containsExactly(102);
        assertThat(Discovery.guestsWithDifferingObjects(desired, desired)).isEmpty();
    }

    @Test
    void theTargetedReadMustReadTheTouchedGuestsAndTheirCloneSources() {
        Harness h = synced();
        Inventory desired = h.state.load(StateKind.DESIRED);
        VirtualMachine web = (VirtualMachine) desired.guest(101).orElseThrow();
        Map<String, String> cfg = new HashMap<>(web.config());
        cfg.put("cores", "7");
        h.state.save(StateKind.DESIRED, desired.withGuest(web.withConfig(cfg))
                .withGuest(vm(150, "clone", Map.of("mpc.clone-from", "9000"))));
        int before = h.server.discoveries();

        assertThat(h.run("plan").exitCode()).isEqualTo(ExitCode.CHANGES_PENDING);
        assertThat(h.server.targeted()).containsExactly(Set.of(101, 150, 9000));
        assertThat(h.console.output()).contains("web", "clone");

        // the same plan with --refresh=all: the full read, no targeted one
        assertThat(h.run("plan --refresh=all").exitCode()).isEqualTo(ExitCode.CHANGES_PENDING);
        assertThat(h.server.targeted()).hasSize(1);
        assertThat(h.server.discoveries()).isEqualTo(before + 2);
    }

    @Test
    void aServerChangeToATouchedGuestIsInThePlan() {
        Harness h = synced();
        Inventory desired = h.state.load(StateKind.DESIRED);
        VirtualMachine web = (VirtualMachine) desired.guest(101).orElseThrow();
        Map<String, String> cfg = new HashMap<>(web.config());
        cfg.put("cores", "7");
        h.state.save(StateKind.DESIRED, desired.withGuest(web.withConfig(cfg)));
        // someone sets the same value on the server: nothing is left to do, and the plan knows it
        h.server.edit(((VirtualMachine) h.server.server().guest(101).orElseThrow()).withConfig(cfg));
        assertThat(h.run("plan").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.server.targeted()).containsExactly(Set.of(101));
    }

    @Test
    void anApplyLeftOpenMakesTheReadFull() {
        Harness h = synced();
        h.state.journal(new JournalEntry("run-1", 1, h.clock.instant(), "UPDATE", "vm/102", "pve1", "update vm/102",
                JournalEntry.Status.INTENT, ""));
        h.run("plan");
        assertThat(h.server.targeted()).isEmpty();
    }

    @Test
    void refreshTakesChangedOrAllAndNotWithOffline() {
        Harness h = synced();
        assertThat(h.run("plan --refresh=changed").exitCode()).isEqualTo(ExitCode.OK);
        assertThat(h.run("plan --refresh=some").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(h.run("plan --offline --refresh=all").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(h.all()).contains("--offline and --refresh exclude each other").doesNotContain("Exception");
    }

    /**
     * The default live plan reads back from the store, after the refreshed server state is saved, only the guests that
     * differ; it must be the plan of the whole inventories ({@code --refresh=all}) in text, JSON and exit code: edits,
     * a move, a delete, a replace, creations, clones, a server change to a touched guest, and a node down.
     */
    @Test
    void theTargetedPlanIsThePlanOfTheWholeInventories() {
        Inventory server = dev.proxmoxmpc.spi.testkit.SampleInventories.many(60);
        Harness h = new Harness(root, server);
        assertThat(h.run("sync").exitCode()).isEqualTo(ExitCode.OK);
        // the shared changes, with a container to create (its template looked up live) in place of the clone of nothing
        h.state.save(StateKind.DESIRED, Fixtures.planChanges(h.state.load(StateKind.DESIRED)).withGuest(ct(7003, "new-ct")));
        // the server changes under two touched guests, and one nobody touches
        h.server.edit(h.server.server().guest(105).orElseThrow().withConfigValue("cores", "4"));
        h.server.edit(h.server.server().guest(104).orElseThrow().withConfigValue("memory", "4096"));
        h.server.edit(h.server.server().guest(120).orElseThrow().withConfigValue("cores", "8"));

        String targeted = plan(h, "plan");
        assertThat(h.server.targeted()).hasSize(2); // the text and the JSON run
        assertThat(targeted).contains("vm/105", "vm/7001", "vm/107", "ct/7003");
        assertThat(targeted).isEqualTo(plan(h, "plan --refresh=all"));
        assertThat(h.server.targeted()).hasSize(2);

        h.server.nodeDown("pve3", true);
        assertThat(plan(h, "plan")).isEqualTo(plan(h, "plan --refresh=all")).contains("pve3");
    }

    /** @return what {@code line} printed (text, then the JSON form) and its exit code */
    private static String plan(Harness h, String line) {
        int out = h.console.output().length();
        int err = h.console.errors().length();
        ExitCode code = h.run(line).exitCode();
        // (each part joins its lines: what came before leaves a line break in front)
        String text = h.console.output().substring(out).strip() + "\n" + h.console.errors().substring(err).strip();
        int values = h.console.jsonValues().size();
        h.console.jsonRequested(true);
        try {
            h.run(line + " --json");
        } finally {
            h.console.jsonRequested(false);
        }
        return code + "\n" + text + "\n" + h.console.jsonValues().subList(values, h.console.jsonValues().size());
    }
}
