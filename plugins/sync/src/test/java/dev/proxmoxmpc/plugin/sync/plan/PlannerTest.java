package dev.proxmoxmpc.plugin.sync.plan;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.ct;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.observedInventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.template;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.sync.compare.Desired;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner planner = new Planner(name -> name.equals("CT_PW") ? Optional.of("s3cret") : Optional.empty());

    private static List<ChangeAction> actions(Plan p) {
        return p.changes().stream().map(Change::action).toList();
    }

    @Test
    void desiredImportedFromTheServerPlansNothing() {
        Inventory observed = observedInventory(vm(101, "web"), ct(200, "dns"), template(9000, "tpl"));
        Plan plan = planner.plan(Desired.fromObserved(observed), observed);
        assertThat(plan.empty()).isTrue();
        assertThat(plan.summary()).startsWith("No changes");
    }

    @Test
    void tagOrderReadOnlyKeysAndMpcMetadataAreNotChanges() {
        Inventory observed = observedInventory(vm(101, "web", Map.of("tags", "b;a", "meta", "creation-qemu=9", "vmgenid", "x")));
        Inventory desired = inventory(vm(101, "web", Map.of("tags", "a,b", "mpc.clone-from", "9000", "unused0", "local-lvm:x")));
        assertThat(planner.plan(desired, observed).empty()).isTrue();
    }

    @Test
    void memoryChangeIsAnUpdateCarryingTheObservedDigest() {
        Inventory observed = observedInventory(vm(101, "web"));
        Inventory desired = inventory(vm(101, "web", Map.of("memory", "8192", "ostype", "")));
        Plan plan = planner.plan(desired, observed);
        assertThat(plan.items()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(PlanItem.Kind.UPDATE);
            assertThat(i.fields()).extracting(f -> f.describe()).containsExactly("memory 4096 -> 8192", "ostype l26 -> (none)");
        });
        Change c = plan.changes().get(0);
        assertThat(c.action()).isEqualTo(ChangeAction.UPDATE);
        assertThat(c.settings()).containsExactly(Map.entry("memory", "8192"));
        assertThat(c.deletions()).containsExactly("ostype");
        assertThat(c.option(Change.OPT_DIGEST)).isEqualTo(observed.guest(101).orElseThrow().runtime().digest()).isNotEmpty();
    }

    @Test
    void diskGrowthIsAResizeAfterTheUpdateAndShrinkIsAnError() {
        Inventory observed = observedInventory(vm(101, "web"), vm(102, "db"));
        Inventory desired = inventory(vm(101, "web", Map.of("scsi0", "local-lvm:vm-101-disk-0,size=64G", "cores", "4")),
                vm(102, "db", Map.of("scsi0", "local-lvm:vm-102-disk-0,size=16G")));
        Plan plan = planner.plan(desired, observed);
        assertThat(actions(plan)).containsExactly(ChangeAction.UPDATE, ChangeAction.RESIZE);
        Change resize = plan.changes().get(1);
        assertThat(resize.options()).containsEntry(Change.OPT_DISK, "scsi0").containsEntry(Change.OPT_SIZE, "64G");
        assertThat(plan.changes().get(0).settings()).doesNotContainKey("scsi0");
        assertThat(plan.hasErrors()).isTrue();
        assertThat(plan.diagnostics()).singleElement().satisfies(d -> assertThat(d.summary()).contains("shrink"));
    }

    @Test
    void diskOptionChangeKeepsTheCurrentSize() {
        Inventory observed = observedInventory(vm(101, "web"));
        Inventory desired = inventory(vm(101, "web", Map.of("scsi0", "local-lvm:vm-101-disk-0,size=32G,ssd=1")));
        assertThat(planner.plan(desired, observed).changes()).singleElement()
                .satisfies(c -> assertThat(c.settings()).containsEntry("scsi0", "local-lvm:vm-101-disk-0,size=32G,ssd=1"));
    }

    @Test
    void nodeChangeIsAMigrationAndPowerStateIsStartOrStop() {
        Inventory observed = observedInventory(vm(101, "web"), vm(102, "db").withStatus(PowerState.STOPPED));
        Inventory desired = inventory(vm(101, "web").withNode("pve2").withStatus(PowerState.STOPPED), vm(102, "db"));
        Plan plan = planner.plan(desired, observed);
        assertThat(actions(plan)).containsExactly(ChangeAction.STOP, ChangeAction.MIGRATE, ChangeAction.START);
        assertThat(plan.changes().get(1).option(Change.OPT_TARGET_NODE)).isEqualTo("pve2");
    }

    @Test
    void newGuestIsACreateWithItsFullConfigAndStart() {
        Inventory observed = observedInventory();
        Inventory desired = inventory(vm(105, "new", Map.of("mpc.note", "x")).withPool("prod"));
        Plan plan = planner.plan(desired, observed);
        assertThat(plan.items()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(PlanItem.Kind.CREATE));
        Change c = plan.changes().get(0);
        assertThat(c.action()).isEqualTo(ChangeAction.CREATE);
        assertThat(c.target()).isEqualTo(ResourceRef.vm("pve1", 105));
        assertThat(c.settings()).containsEntry("memory", "4096").containsEntry("pool", "prod").doesNotContainKey("mpc.note");
        assertThat(c.option(Change.OPT_START)).isEqualTo("1");
    }

    @Test
    void containerPasswordComesFromTheNamedEnvironmentVariable() {
        Container c = ct(201, "web").withConfigValue("mpc.password-env", "CT_PW");
        Plan plan = planner.plan(inventory(c), observedInventory());
        assertThat(plan.changes().get(0).settings()).containsEntry("password", "s3cret").doesNotContainKey("mpc.password-env");
        assertThat(plan.items().get(0).fields()).noneMatch(f -> f.after().contains("s3cret"));
        assertThat(dev.proxmoxmpc.plugin.sync.render.PlanView.of(plan).toString()).doesNotContain("s3cret");
        Plan missing = planner.plan(inventory(c.withConfigValue("mpc.password-env", "NOPE")), observedInventory());
        assertThat(missing.hasErrors()).isTrue();
        assertThat(missing.diagnostics().get(0).summary()).contains("NOPE");
    }

    @Test
    void cloneFromATemplateSetsOnlyWhatDiffersAndGrowsTheDisk() {
        Inventory observed = observedInventory(template(9000, "tpl"));
        Inventory desired = inventory(template(9000, "tpl"), vm(105, "web", Map.of("mpc.clone-from", "9000", "memory", "2048",
                "scsi0", "local-lvm:vm-105-disk-0,size=20G")), vm(106, "small", Map.of("mpc.clone-from", "9000", "mpc.full-clone", "0", "mpc.clone-storage", "nfs", "memory", "2048",
                "scsi0", "local-lvm:vm-106-disk-0,size=8G")).withStatus(PowerState.STOPPED));
        Plan plan = planner.plan(desired, observed);
        assertThat(actions(plan)).containsExactly(ChangeAction.CLONE, ChangeAction.RESIZE, ChangeAction.START, ChangeAction.CLONE);
        assertThat(plan.changes().get(3).options()).doesNotContainKey(Change.OPT_START)
                .containsEntry(Change.OPT_FULL, "0").containsEntry(Change.OPT_STORAGE, "nfs");
        Change clone = plan.changes().get(0);
        assertThat(clone.option(Change.OPT_SOURCE)).isEqualTo("9000");
        assertThat(clone.option(Change.OPT_FULL)).isEqualTo("1");
        assertThat(clone.settings()).containsEntry("name", "web").doesNotContainKeys("memory", "scsi0", "template");
        assertThat(plan.changes().get(1).options()).containsEntry(Change.OPT_SIZE, "20G");
    }

    @Test
    void cloneSourcesAreCreatedBeforeTheirClones() {
        Inventory desired = inventory(vm(105, "web", Map.of("mpc.clone-from", "9001")), template(9001, "tpl2"));
        Plan plan = planner.plan(desired, observedInventory());
        assertThat(plan.items()).extracting(PlanItem::label).containsExactly("vm/9001 tpl2", "vm/105 web");
        assertThat(plan.hasErrors()).isFalse();
    }

    @Test
    void aTemplateWhoseImageTheStateKnowsIsCreatedFromItOtherwiseBlankWithAWarning() {
        Inventory desired = inventory(template(9000, "from-image").withConfigValue("scsi0",
                "local-lvm:base-9000-disk-0,import-from=local:import/debian-12-genericcloud-amd64.qcow2,size=8G"),
                template(9001, "blank"));
        Plan plan = planner.plan(desired, observedInventory());
        assertThat(plan.changes().get(0).settings()).containsEntry("scsi0",
                "local-lvm:0,import-from=local:import/debian-12-genericcloud-amd64.qcow2");
        assertThat(plan.changes().get(1).settings()).containsEntry("scsi0", "local-lvm:8");
        assertThat(plan.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.summary()).contains("created again from its image source (scsi0 from local:import/debian-12");
        }).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.summary()).contains("blank disks");
        });
    }

    @Test
    void missingCloneSourceIsAnError() {
        Plan plan = planner.plan(inventory(vm(105, "web", Map.of("mpc.clone-from", "9999"))), observedInventory());
        assertThat(plan.hasErrors()).isTrue();
        assertThat(plan.diagnostics().get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void guestOnlyOnTheServerIsDeletedWithPurge() {
        Plan plan = planner.plan(inventory(), observedInventory(vm(101, "web")));
        assertThat(plan.items()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(PlanItem.Kind.DELETE));
        assertThat(plan.changes().get(0).option(Change.OPT_PURGE)).isEqualTo("1");
    }

    @Test
    void containerPrivilegeChangeIsAReplace() {
        Container was = ct(200, "dns");
        Plan plan = planner.plan(inventory(was.withConfigValue("unprivileged", "0")), observedInventory(was));
        assertThat(plan.items()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(PlanItem.Kind.REPLACE));
        assertThat(actions(plan)).containsExactly(ChangeAction.DELETE, ChangeAction.CREATE);
        assertThat(plan.summary()).contains("1 to replace");
    }

    @Test
    void infrastructureComesBeforeGuestsAndIsDeletedAfterThem() {
        Inventory observed = observedInventory(vm(101, "old"));
        Inventory base = inventory(vm(105, "new").withPool("dev"));
        List<Network> nets = new ArrayList<>(base.networks());
        nets.add(new Network("pve1", "vmbr1", "bridge", Map.of("autostart", "1")));
        nets.removeIf(n -> n.iface().equals("eno1"));
        Inventory desired = new Inventory("demo", base.nodes(), base.guests(), base.storages(), nets, List.of(new Pool("dev", "")));
        Plan plan = planner.plan(desired, observed);
        assertThat(plan.items()).extracting(i -> i.kind().symbol() + " " + i.label())
                .containsExactly("+ pool/dev", "+ network/pve1/vmbr1", "+ vm/105 new", "- vm/101 old", "- pool/prod");
    }

    @Test
    void networkUpdateNamesTheInterfaceType() {
        Inventory observed = observedInventory();
        List<Network> nets = new ArrayList<>(observed.networks());
        nets.replaceAll(n -> n.iface().equals("vmbr0") ? new Network("pve1", "vmbr0", "bridge", Map.of("autostart", "1",
                "bridge_ports", "eno1", "comments", "uplink")) : n);
        Inventory desired = new Inventory("demo", observed.nodes(), List.of(), observed.storages(), nets, observed.pools());
        assertThat(planner.plan(desired, observed).changes()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(ChangeAction.UPDATE);
            assertThat(c.settings()).containsEntry("comments", "uplink").containsEntry("type", "bridge");
        });
    }

    @Test
    void poolMembershipChangesThroughThePools() {
        Inventory observed = observedInventory(vm(101, "web").withPool("prod"));
        Plan plan = planner.plan(inventory(vm(101, "web")), observed);
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.target()).isEqualTo(new ResourceRef(ResourceRef.Type.POOL, "", "prod"));
            assertThat(c.settings()).containsEntry("vms", "101").containsEntry("delete", "1");
        });
    }
}
