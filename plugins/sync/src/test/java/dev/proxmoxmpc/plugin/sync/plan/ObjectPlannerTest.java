package dev.proxmoxmpc.plugin.sync.plan;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.observedInventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectPlannerTest {
    private final Planner planner = new Planner(name -> Optional.empty());

    private static ClusterObject job(String id, String schedule) {
        return new ClusterObject("backup-job", "", id, Map.of("schedule", schedule, "storage", "local", "vmid", "101"));
    }

    private static ClusterObject status(String unread) {
        return new ClusterObject("cluster-status", "", "", unread.isEmpty() ? Map.of("version", "9.2.4")
                : Map.of("version", "9.2.4", "unread", unread));
    }

    private static List<String> labels(Plan p) {
        return p.items().stream().map(PlanItem::label).toList();
    }

    @Test
    void anObjectImportedFromTheServerPlansNothing() {
        Inventory observed = observedInventory(vm(101, "web")).withObjects(List.of(job("daily", "02:00"), status("")));
        assertThat(planner.plan(Desired.fromObserved(observed), observed).empty()).isTrue();
    }

    @Test
    void anUpdateNamesOnlyTheChangedFieldsAndCarriesTheWholeObject() {
        Inventory observed = observedInventory(vm(101, "web")).withObjects(List.of(
                job("daily", "02:00").withConfig(Map.of("schedule", "02:00", "storage", "local", "vmid", "101",
                        "comment", "old", "digest", "abc"))));
        Inventory desired = Desired.fromObserved(observed).withObjects(List.of(job("daily", "03:00")));
        Plan plan = planner.plan(desired, observed);
        assertThat(plan.items()).hasSize(1);
        PlanItem item = plan.items().get(0);
        assertThat(item.kind()).isEqualTo(PlanItem.Kind.UPDATE);
        assertThat(item.label()).isEqualTo("backup-job/daily");
        assertThat(item.fields()).extracting(FieldChange::field).containsExactly("comment", "schedule");
        Change c = item.changes().get(0);
        assertThat(c.target()).isEqualTo(ResourceRef.object("backup-job", "", "daily"));
        assertThat(c.settings()).containsExactlyInAnyOrderEntriesOf(Map.of("schedule", "03:00", "storage", "local", "vmid", "101"));
        assertThat(c.deletions()).containsExactly("comment");
        assertThat(c.option(Change.OPT_DIGEST)).isEqualTo("abc");
    }

    @Test
    void createsRunInDependencyOrderAndDeletesInReverseAroundTheGuests() {
        Inventory observed = observedInventory(vm(101, "web")).withObjects(List.of(
                new ClusterObject("user", "", "old@pve", Map.of()),
                new ClusterObject("ha-resource", "", "vm:101", Map.of("state", "started"))));
        Inventory desired = inventory(vm(101, "web"), vm(102, "new")).withObjects(List.of(
                new ClusterObject("acl", "", "/vms/102|user|alice@pve|PVEVMUser", Map.of("propagate", "1")),
                new ClusterObject("sdn-vnet", "", "vnet1", Map.of("zone", "z1")),
                new ClusterObject("sdn-zone", "", "z1", Map.of("type", "simple")),
                new ClusterObject("user", "", "alice@pve", Map.of("enable", "1")),
                new ClusterObject("firewall-options", "vm/102", "", Map.of("enable", "1"))));
        Plan plan = planner.plan(Desired.fromObserved(desired), observed);
        List<String> order = labels(plan);
        assertThat(order).containsSubsequence("user/alice@pve", "sdn-zone/z1", "sdn-vnet/vnet1", "vm/102 new",
                "firewall-options/vm/102", "acl//vms/102|user|alice@pve|PVEVMUser");
        // an HA resource goes before the guests' deletes, a user after them
        assertThat(order).containsSubsequence("ha-resource/vm:101", "user/old@pve");
        assertThat(plan.items().stream().filter(i -> i.label().equals("user/old@pve")).findFirst().orElseThrow().kind())
                .isEqualTo(PlanItem.Kind.DELETE);
    }

    @Test
    void kindsTheServerWouldNotShowAndFactsAreNeverPlanned() {
        Inventory observed = observedInventory(vm(101, "web")).withObjects(List.of(status("user,acl")));
        Inventory desired = Desired.fromObserved(observed).withObjects(List.of(
                new ClusterObject("user", "", "alice@pve", Map.of("enable", "1")),
                new ClusterObject("cluster-status", "", "", Map.of("version", "8.0")),
                job("daily", "02:00")));
        Plan plan = planner.plan(desired, observed);
        assertThat(labels(plan)).containsExactly("backup-job/daily");
        assertThat(plan.changes()).extracting(Change::action).containsExactly(ChangeAction.CREATE);
    }
}
