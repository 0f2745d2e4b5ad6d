package dev.proxmoxmpc.plugin.sync.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.fake.Fixtures;
import dev.proxmoxmpc.plugin.sync.local.LocalPending;
import dev.proxmoxmpc.plugin.sync.plan.Plan;
import dev.proxmoxmpc.plugin.sync.render.PlanText;
import dev.proxmoxmpc.plugin.sync.render.PlanView;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.state.SyncRun;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /plan --offline} from the guests whose stored rows differ (as /status counts) gives the plan of the whole
 * inventories: the same items in the same order, the same diagnostics, text and JSON.
 */
class OfflinePlanTest {
    @TempDir
    Path root;

    private final Inventory observed = SampleInventories.many(60)
            .withStorage(new Storage("local", "dir", Map.of("content", "images,rootdir", "path", "/var/lib/vz")))
            .withNetwork(new Network("pve1", "vmbr0", "bridge", Map.of("autostart", "1")))
            .withObject(new ClusterObject("backup-job", "", "daily", Map.of("schedule", "02:00", "vmid", "100,101")));

    private static Guest vm(int vmid, Map<String, String> config) {
        return Fixtures.stoppedVm(vmid, config);
    }

    /** {@link Fixtures#planChanges}, the new VM with a NIC, and one more on a bridge no node has. */
    private Inventory changed() {
        return Fixtures.planChanges(observed)
                .withGuest(vm(7000, Map.of("name", "new", "net0", "virtio,bridge=vmbr0")))
                .withGuest(vm(7004, Map.of("name", "bad-bridge", "net0", "virtio,bridge=vmbr9")));
    }

    /** @return a harness whose stored state is {@code desired}, {@code observed} and {@code base} (null: none) */
    private Harness stored(Inventory desired, Inventory observed, Inventory base, boolean synced) {
        Harness h = new Harness(root, observed);
        h.state.save(StateKind.DESIRED, desired);
        h.state.save(StateKind.OBSERVED, observed);
        if (base != null) {
            h.state.save(StateKind.BASE, base);
        }
        if (synced) {
            h.state.recordSyncRun(new SyncRun(Instant.parse("2026-11-25T11:00:00Z"), "default", 3, 50, 10, 0, 0));
        }
        return h;
    }

    /** @return the plan of the differing rows, after checking it equals the whole inventories' in every form */
    private static Plan samePlan(Harness h) {
        Plan cut = PlanCommand.storedPlan(h.ctx, null, true);
        Plan whole = PlanCommand.storedPlan(h.ctx, null, false);
        assertThat(cut).isEqualTo(whole);
        assertThat(PlanView.of(cut)).isEqualTo(PlanView.of(whole));
        assertThat(text(cut)).isEqualTo(text(whole));
        return cut;
    }

    private static String text(Plan plan) {
        RecordingConsole console = new RecordingConsole();
        PlanText.render(console, plan);
        return console.output() + "\n" + console.errors();
    }

    @Test
    void guestChangesCreatesClonesAndDeletesPlanAsTheWholeInventories() {
        Harness h = stored(changed(), observed, observed, true);
        Plan plan = samePlan(h);
        assertThat(plan.items()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(text(plan)).contains("vm/105", "vm/7001", "vm/107");
        assertThat(plan.diagnostics()).isNotEmpty(); // the missing bridge, the missing clone source
        // the fast path really ran: it read only some guests
        assertThat(LocalPending.planInputs(h.state).desired().guests().size()).isLessThan(changed().guests().size() / 2);
        // the command prints that plan (its errors, the missing bridge and clone source, fail it)
        assertThat(h.run("plan --offline").exitCode()).isEqualTo(dev.proxmoxmpc.spi.command.ExitCode.FAILURE);
        assertThat(h.console.output()).contains("vm/105", "vm/7001");
    }

    @Test
    void nothingPendingPlansNothing() {
        Harness h = stored(observed, observed, observed, true);
        assertThat(samePlan(h).items()).isEmpty();
        assertThat(h.run("plan --offline --detailed-exitcode").exitCode()).isEqualTo(dev.proxmoxmpc.spi.command.ExitCode.OK);
        Inventory one = observed.withGuest(observed.guest(105).orElseThrow().withConfigValue("cores", "7"));
        Harness pending = stored(one, observed, observed, true);
        assertThat(samePlan(pending).items()).hasSize(1);
        assertThat(pending.run("plan --offline --detailed-exitcode").exitCode())
                .isEqualTo(dev.proxmoxmpc.spi.command.ExitCode.CHANGES_PENDING);
    }

    @Test
    void objectsNetworksStoragesAndPoolsPlanAsTheWholeInventories() {
        Inventory desired = changed()
                .withStorage(new Storage("nas", "nfs", Map.of("server", "10.0.0.5", "export", "/srv", "content", "images")))
                .withNetwork(new Network("pve2", "vmbr1", "bridge", Map.of("autostart", "1")))
                .withPool(new Pool("dev", "development"))
                .withObject(new ClusterObject("backup-job", "", "daily", Map.of("schedule", "03:00", "vmid", "100,101")))
                .withObject(new ClusterObject("ha-resource", "", "vm:105", Map.of("state", "started")));
        Plan plan = samePlan(stored(desired, observed, observed, true));
        assertThat(text(plan)).contains("nas", "vmbr1", "dev");
    }

    @Test
    void aVmidTakenOnTheServerSinceTheLastSyncIsStillAnError() {
        // 130 and 131 are on the server but not in the base; the desired state has them too (131 the same as the server's)
        Inventory base = observed.withoutGuest(130).withoutGuest(131);
        Inventory desired = changed().withGuest(vm(130, Map.of("name", "mine")));
        Plan plan = samePlan(stored(desired, observed, base, true));
        assertThat(plan.diagnostics()).anySatisfy(d -> assertThat(d.summary()).contains("VMID 131 was taken"));
        assertThat(plan.diagnostics()).anySatisfy(d -> assertThat(d.summary()).contains("VMID 130 was taken"));
    }

    @Test
    void anEnvironmentNeverSyncedLeavesWhatOnlyTheServerHas() {
        Inventory desired = observed.withoutGuest(110).withoutGuest(111).withGuest(vm(7000, Map.of("name", "new")));
        Plan plan = samePlan(stored(desired, observed, null, false));
        assertThat(plan.diagnostics()).anySatisfy(d -> assertThat(d.summary()).startsWith("unmanaged"));
        // only guests on the server, nothing else stored: the blank checks see the guests the cut keeps
        Inventory bare = new Inventory("c", observed.nodes(), observed.guests(), List.of(), List.of(), List.of());
        samePlan(stored(bare.withoutGuest(100), bare, null, false));
        samePlan(stored(bare.withoutGuest(100), bare, bare, true));
        samePlan(stored(bare.withoutGuest(100), bare, new Inventory("c", observed.nodes(), List.of(), List.of(), List.of(), List.of()), true));
    }

    @Test
    void aGreenFieldPlansEveryGuestAsTheWholeInventories() {
        Inventory empty = new Inventory("c", observed.nodes(), List.of(), List.of(), List.of(), List.of());
        assertThat(samePlan(stored(changed(), empty, null, false)).items()).hasSizeGreaterThan(50);
    }

    @Test
    void aNodeDownPlansTheWholeInventories() {
        Inventory down = new Inventory(observed.cluster(), List.of(observed.nodes().get(0), observed.nodes().get(1),
                new Node("pve3", "offline", 4, 1L << 33, 1L << 35, 0, "")), observed.guests(), observed.storages(),
                observed.networks(), observed.pools());
        samePlan(stored(changed().withGuest(observed.guest(104).orElseThrow().withNode("pve3")), down, down, true));
    }
}
