package dev.proxmoxmpc.plugin.sync.merge;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.observedInventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.testkit.RecordingConsole;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {
    private final ThreeWayMerge preferServer = new ThreeWayMerge(ConflictResolver.always(Side.SERVER));
    private final ThreeWayMerge preferLocal = new ThreeWayMerge(ConflictResolver.always(Side.LOCAL));

    private static Guest guest(MergeResult r, int vmid) {
        return r.desired().guest(vmid).orElseThrow();
    }

    @Test
    void firstSyncImportsTheServerExactlyWithoutRuntime() {
        Inventory server = observedInventory(vm(101, "web"), vm(102, "db").withStatus(PowerState.PAUSED));
        MergeResult r = preferServer.merge(Inventory.empty(), Inventory.empty(), server);
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.desired()).isEqualTo(Desired.fromObserved(server));
        assertThat(guest(r, 101).config()).isEqualTo(server.guest(101).orElseThrow().config());
        assertThat(guest(r, 101).runtime()).isEqualTo(GuestRuntime.NONE);
        assertThat(guest(r, 102).status()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void aFieldOnlyTheServerChangedIsTaken() {
        Inventory base = inventory(vm(101, "web"));
        MergeResult r = preferLocal.merge(base, base, inventory(vm(101, "web", Map.of("memory", "8192"))));
        assertThat(guest(r, 101).value("memory")).isEqualTo("8192");
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void aFieldOnlyLocalChangedIsKept() {
        Inventory base = inventory(vm(101, "web"));
        MergeResult r = preferServer.merge(base, inventory(vm(101, "web", Map.of("cores", "8"))), base);
        assertThat(guest(r, 101).value("cores")).isEqualTo("8");
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void differentFieldsChangedOnEachSideBothLand() {
        Inventory base = inventory(vm(101, "web"));
        MergeResult r = preferServer.merge(base, inventory(vm(101, "web", Map.of("cores", "8"))),
                inventory(vm(101, "web", Map.of("memory", "8192"))));
        assertThat(guest(r, 101).config()).containsEntry("cores", "8").containsEntry("memory", "8192");
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        Inventory base = inventory(vm(101, "web"));
        Inventory changed = inventory(vm(101, "web", Map.of("memory", "8192")));
        assertThat(preferServer.merge(base, changed, changed).conflicts()).isEmpty();
    }

    @Test
    void bothChangedDifferentlyIsAConflictSettledByPolicy() {
        Inventory base = inventory(vm(101, "web"));
        Inventory local = inventory(vm(101, "web", Map.of("memory", "8192")));
        Inventory server = inventory(vm(101, "web", Map.of("memory", "6144")));
        MergeResult s = preferServer.merge(base, local, server);
        assertThat(guest(s, 101).value("memory")).isEqualTo("6144");
        assertThat(s.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("memory");
            assertThat(c.base()).isEqualTo("4096");
            assertThat(c.local()).isEqualTo("8192");
            assertThat(c.server()).isEqualTo("6144");
            assertThat(c.resolution()).isEqualTo(Side.SERVER);
        });
        MergeResult l = preferLocal.merge(base, local, server);
        assertThat(guest(l, 101).value("memory")).isEqualTo("8192");
        assertThat(l.conflicts().get(0).resolution()).isEqualTo(Side.LOCAL);
    }

    @Test
    void localRemovedAFieldTheServerChangedIsAConflict() {
        Inventory base = inventory(vm(101, "web", Map.of("description", "a")));
        MergeResult r = preferLocal.merge(base, inventory(vm(101, "web")), inventory(vm(101, "web", Map.of("description", "b"))));
        assertThat(r.conflicts()).singleElement().satisfies(c -> assertThat(c.local()).isEmpty());
        assertThat(guest(r, 101).config()).doesNotContainKey("description");
    }

    @Test
    void askPolicyAsksPerFieldAtTheConsole() {
        RecordingConsole console = new RecordingConsole().answers("local", "server");
        ThreeWayMerge asking = new ThreeWayMerge(ConflictResolver.forPolicy(ConflictPolicy.ASK, console));
        Inventory base = inventory(vm(101, "web"));
        MergeResult r = asking.merge(base, inventory(vm(101, "web", Map.of("memory", "8192", "cores", "4"))),
                inventory(vm(101, "web", Map.of("memory", "6144", "cores", "6"))));
        assertThat(r.conflicts()).extracting(Conflict::field, Conflict::resolution)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cores", Side.LOCAL), org.assertj.core.groups.Tuple.tuple("memory", Side.SERVER));
        assertThat(guest(r, 101).config()).containsEntry("cores", "4").containsEntry("memory", "6144");
        assertThat(console.output()).contains("Conflict on vm/101 web cores");
    }

    @Test
    void askPolicyInBatchModeFallsBackToPreferServer() {
        ConflictResolver r = ConflictResolver.forPolicy(ConflictPolicy.ASK, new RecordingConsole());
        assertThat(r.resolve(new Conflict("vm/1", "memory", "1", "2", "3", Side.LOCAL))).isEqualTo(Side.SERVER);
    }

    @Test
    void guestsCreatedOnEitherSideAreKept() {
        Inventory base = inventory(vm(101, "web"));
        Inventory local = inventory(vm(101, "web"), vm(105, "mine"));
        Inventory server = observedInventory(vm(101, "web"), vm(106, "theirs"));
        MergeResult r = preferServer.merge(base, local, server);
        assertThat(r.desired().guests()).extracting(Guest::vmid).containsExactly(101, 105, 106);
        assertThat(guest(r, 106).runtime()).isEqualTo(GuestRuntime.NONE);
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void deletedOnTheServerAndUnchangedLocallyIsRemoved() {
        Inventory base = inventory(vm(101, "web"), vm(102, "db"));
        MergeResult r = preferLocal.merge(base, base, inventory(vm(101, "web")));
        assertThat(r.desired().guests()).extracting(Guest::vmid).containsExactly(101);
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void deletedOnTheServerButChangedLocallyIsAConflict() {
        Inventory base = inventory(vm(101, "web"), vm(102, "db"));
        Inventory local = inventory(vm(101, "web"), vm(102, "db", Map.of("memory", "1024")));
        Inventory server = inventory(vm(101, "web"));
        MergeResult s = preferServer.merge(base, local, server);
        assertThat(s.desired().guest(102)).isEmpty();
        assertThat(s.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo(Conflict.EXISTENCE);
            assertThat(c.server()).isEqualTo("deleted");
        });
        assertThat(preferLocal.merge(base, local, server).desired().guest(102)).isPresent();
    }

    @Test
    void deletedLocallyAndUnchangedOnTheServerStaysDeleted() {
        Inventory base = inventory(vm(101, "web"), vm(102, "db"));
        MergeResult r = preferServer.merge(base, inventory(vm(101, "web")), base);
        assertThat(r.desired().guest(102)).isEmpty();
        assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void deletedLocallyButChangedOnTheServerIsAConflict() {
        Inventory base = inventory(vm(101, "web"), vm(102, "db"));
        Inventory server = inventory(vm(101, "web"), vm(102, "db", Map.of("memory", "1024")));
        MergeResult s = preferServer.merge(base, inventory(vm(101, "web")), server);
        assertThat(s.desired().guest(102)).isPresent();
        assertThat(s.conflicts()).singleElement().satisfies(c -> assertThat(c.local()).isEqualTo("deleted"));
        assertThat(preferLocal.merge(base, inventory(vm(101, "web")), server).desired().guest(102)).isEmpty();
    }

    @Test
    void mpcKeysStayInDesiredAndTagOrderIsNoChange() {
        Inventory base = inventory(vm(101, "web", Map.of("tags", "a;b")));
        Inventory local = inventory(vm(101, "web", Map.of("tags", "a;b", "mpc.clone-from", "9000")));
        Inventory server = observedInventory(vm(101, "web", Map.of("tags", "b;a", "vmgenid", "abc")));
        MergeResult r = preferServer.merge(base, local, server);
        assertThat(r.conflicts()).isEmpty();
        assertThat(guest(r, 101).config()).containsEntry("mpc.clone-from", "9000").containsEntry("vmgenid", "abc");
    }

    @Test
    void nodePoolAndPowerStateMergeLikeFields() {
        Inventory base = inventory(vm(101, "web"));
        Inventory local = inventory(vm(101, "web").withPool("prod"));
        Inventory server = inventory(vm(101, "web").withNode("pve2").withStatus(PowerState.STOPPED));
        Guest g = guest(preferServer.merge(base, local, server), 101);
        assertThat(g.node()).isEqualTo("pve2");
        assertThat(g.pool()).isEqualTo("prod");
        assertThat(g.status()).isEqualTo(PowerState.STOPPED);
    }

    @Test
    void objectsMergeFieldByFieldAndKindsTheServerCouldNotShowKeepTheProjects() {
        dev.proxmoxmpc.spi.model.ClusterObject job = new dev.proxmoxmpc.spi.model.ClusterObject("backup-job", "", "daily",
                Map.of("schedule", "02:00", "storage", "local"));
        dev.proxmoxmpc.spi.model.ClusterObject user = new dev.proxmoxmpc.spi.model.ClusterObject("user", "", "alice@pve",
                Map.of("enable", "1"));
        Inventory base = inventory(vm(101, "web")).withObjects(java.util.List.of(job, user));
        Inventory local = base.withObject(job.withConfig(Map.of("schedule", "03:00", "storage", "local")));
        Inventory server = inventory(vm(101, "web")).withObjects(java.util.List.of(
                job.withConfig(Map.of("schedule", "02:00", "storage", "nfs")),
                new dev.proxmoxmpc.spi.model.ClusterObject("cluster-status", "", "", Map.of("version", "9.2.4", "unread", "user"))));
        MergeResult r = preferServer.merge(base, local, server);
        assertThat(r.conflicts()).isEmpty();
        assertThat(r.desired().object("backup-job", "", "daily").orElseThrow().config())
                .isEqualTo(Map.of("schedule", "03:00", "storage", "nfs"));
        assertThat(r.desired().object("user", "", "alice@pve")).contains(user);
        assertThat(r.desired().object("cluster-status", "", "").orElseThrow().value("version")).isEqualTo("9.2.4");
    }
}
