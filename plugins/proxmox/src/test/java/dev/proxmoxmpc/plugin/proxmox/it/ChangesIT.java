package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every executor operation against the simulator over real HTTPS, verified by reading the server back. */
class ChangesIT {
    private final SimulatorServer server = Simulators.demo();
    private final ProxmoxSession session = Simulators.session(server);
    private final List<String> messages = Collections.synchronizedList(new ArrayList<>());
    private final Progress progress = new Progress() {
        @Override
        public void total(long total) {}

        @Override
        public void step(long n) {}

        @Override
        public void message(String text) {
            messages.add(text);
        }

        @Override
        public void close() {}
    };

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private ChangeResult apply(Change c) {
        ChangeResult r = session.apply(c, progress);
        assertThat(r.succeeded()).as("%s: %s %s", c.summary(), r.message(), r.logTail()).isTrue();
        return r;
    }

    private Guest guest(int vmid) {
        return session.discover(Progress.NONE).guest(vmid).orElseThrow();
    }

    private static Change change(ChangeAction a, ResourceRef ref, Map<String, String> settings, Map<String, String> options) {
        return new Change(a, ref, settings, List.of(), options, a + " " + ref);
    }

    @Test
    void createsAVmFromATemplateByCloneThenConfigureThenStart() {
        ChangeResult r = apply(change(ChangeAction.CREATE, ResourceRef.vm("pve1", 120),
                Map.of("name", "web-03", "cores", "4", "memory", "8192", "ipconfig0", "ip=10.0.0.130/24,gw=10.0.0.1"),
                Map.of(Change.OPT_CLONE_FROM, "9000", Change.OPT_FULL, "1", Change.OPT_STORAGE, "local-lvm", Change.OPT_START, "1")));
        assertThat(r.taskId()).contains(":qmstart:120:");
        Guest g = guest(120);
        assertThat(g.name()).isEqualTo("web-03");
        assertThat(g.cores()).isEqualTo(4);
        assertThat(g.value("memory")).isEqualTo("8192");
        assertThat(g.value("ipconfig0")).isEqualTo("ip=10.0.0.130/24,gw=10.0.0.1");
        assertThat(g.value("ciuser")).isEqualTo("admin");
        assertThat(g.status()).isEqualTo(PowerState.RUNNING);
        assertThat(messages).contains("cloning 9000 -> 120");
    }

    @Test
    void clonesATemplateOntoAnotherNode() {
        apply(change(ChangeAction.CLONE, ResourceRef.vm("pve2", 121), Map.of("name", "clone-121"),
                Map.of(Change.OPT_SOURCE, "9000", Change.OPT_FULL, "1")));
        Guest g = guest(121);
        assertThat(g.node()).isEqualTo("pve2");
        assertThat(g.name()).isEqualTo("clone-121");
    }

    @Test
    void createsAVmFromScratchAndAContainerFromAnOstemplate() {
        apply(change(ChangeAction.CREATE, ResourceRef.vm("pve3", 130),
                Map.of("name", "scratch", "cores", "1", "memory", "512", "scsi0", "local-lvm:8", "net0", "virtio,bridge=vmbr0"), Map.of()));
        VirtualMachine vm = (VirtualMachine) guest(130);
        assertThat(vm.value("scsi0")).startsWith("local-lvm:vm-130-disk-0").contains("size=8G");
        assertThat(vm.nics().get(0).mac()).isNotEmpty();

        apply(change(ChangeAction.CREATE, ResourceRef.container("pve1", 230),
                Map.of("hostname", "ct-230", "ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst",
                        "rootfs", "local-lvm:4", "net0", "name=eth0,bridge=vmbr0,ip=dhcp", "memory", "512"),
                Map.of(Change.OPT_START, "1")));
        Guest ct = guest(230);
        assertThat(ct.name()).isEqualTo("ct-230");
        assertThat(ct.value("rootfs")).contains("size=4G");
        assertThat(ct.status()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void updatesWithTheDigestAndDetectsAConcurrentEdit() {
        String digest = guest(110).runtime().digest();
        apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("memory", "4096", "cores", "3"),
                List.of("tags"), Map.of(Change.OPT_DIGEST, digest), "~ vm/110"));
        Guest g = guest(110);
        assertThat(g.value("memory")).isEqualTo("4096");
        assertThat(g.cores()).isEqualTo(3);
        assertThat(g.config()).doesNotContainKey("tags");

        ChangeResult stale = session.apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("memory", "1024"),
                List.of(), Map.of(Change.OPT_DIGEST, digest), "~ vm/110 stale"), progress);
        assertThat(stale.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(stale.message()).containsIgnoringCase("checksum mismatch").contains("run /sync");
        assertThat(guest(110).value("memory")).isEqualTo("4096");
    }

    @Test
    void addsADiskThroughAConfigTask() {
        ChangeResult r = apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("scsi1", "local-lvm:16,discard=on"),
                List.of(), Map.of(), "+ disk"));
        assertThat(r.taskId()).contains(":qmconfig:110:");
        assertThat(guest(110).value("scsi1")).startsWith("local-lvm:vm-110-disk-").contains("size=16G");
    }

    @Test
    void migratesSnapshotsAndDeletesAContainer() {
        apply(change(ChangeAction.MIGRATE, ResourceRef.container("pve1", 203), Map.of(), Map.of(Change.OPT_TARGET_NODE, "pve2")));
        Guest moved = guest(203);
        assertThat(moved.node()).isEqualTo("pve2");
        assertThat(moved.status()).isEqualTo(PowerState.RUNNING);
        apply(change(ChangeAction.SNAPSHOT, ResourceRef.container("pve2", 203), Map.of(), Map.of(Change.OPT_SNAPSHOT, "s1")));
        apply(new Change(ChangeAction.UPDATE, ResourceRef.container("pve2", 203), Map.of("cores", "2"), List.of(), Map.of(), "cores"));
        apply(Change.of(ChangeAction.STOP, ResourceRef.container("pve2", 203), "stop"));
        apply(change(ChangeAction.ROLLBACK, ResourceRef.container("pve2", 203), Map.of(), Map.of(Change.OPT_SNAPSHOT, "s1")));
        assertThat(guest(203).cores()).isEqualTo(1);
        apply(change(ChangeAction.RESIZE, ResourceRef.container("pve2", 203), Map.of(), Map.of(Change.OPT_DISK, "rootfs", Change.OPT_SIZE, "12G")));
        assertThat(guest(203).value("rootfs")).contains("size=12G");
        apply(change(ChangeAction.DELETE, ResourceRef.container("pve2", 203), Map.of(), Map.of(Change.OPT_PURGE, "1")));
        assertThat(session.discover(Progress.NONE).guest(203)).isEmpty();
    }

    @Test
    void resizesADisk() {
        apply(change(ChangeAction.RESIZE, ResourceRef.vm("pve2", 110), Map.of(), Map.of(Change.OPT_DISK, "scsi0", Change.OPT_SIZE, "+8G")));
        assertThat(guest(110).value("scsi0")).contains("size=40G");
    }

    @Test
    void stopsStartsAndShutsDown() {
        apply(Change.of(ChangeAction.STOP, ResourceRef.vm("pve1", 106), "stop"));
        assertThat(guest(106).status()).isEqualTo(PowerState.STOPPED);
        apply(Change.of(ChangeAction.START, ResourceRef.vm("pve1", 106), "start"));
        assertThat(guest(106).status()).isEqualTo(PowerState.RUNNING);
        apply(Change.of(ChangeAction.SHUTDOWN, ResourceRef.container("pve1", 203), "shutdown"));
        assertThat(guest(203).status()).isEqualTo(PowerState.STOPPED);
    }

    @Test
    void stopsAndStartsHaManagedGuestsThroughTheHaManager() {
        ChangeResult stop = apply(Change.of(ChangeAction.STOP, ResourceRef.vm("pve2", 101), "stop"));
        assertThat(stop.taskId()).contains(":hastop:101:");
        Guest stopped = guest(101);
        assertThat(stopped.status()).isEqualTo(PowerState.STOPPED);
        assertThat(stopped.runtime().haState()).isEqualTo("stopped");
        assertThat(messages).contains(ResourceRef.vm("pve2", 101) + " is HA-managed: waiting for the HA manager to make it stopped");

        ChangeResult start = apply(Change.of(ChangeAction.START, ResourceRef.vm("pve2", 101), "start"));
        assertThat(start.taskId()).contains(":hastart:101:");
        assertThat(guest(101).status()).isEqualTo(PowerState.RUNNING);
        assertThat(guest(101).runtime().haState()).isEqualTo("started");

        assertThat(apply(Change.of(ChangeAction.SHUTDOWN, ResourceRef.container("pve3", 202), "shutdown")).taskId()).contains(":hastop:202:");
        assertThat(guest(202).status()).isEqualTo(PowerState.STOPPED);
        assertThat(apply(Change.of(ChangeAction.START, ResourceRef.container("pve3", 202), "start")).taskId()).contains(":hastart:202:");
        assertThat(guest(202).status()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void deletesARunningHaManagedGuestOnceTheHaManagerHasStoppedIt() throws Exception {
        ChangeResult refused = session.apply(Change.of(ChangeAction.DELETE, ResourceRef.vm("pve2", 101), "- vm/101"), progress);
        assertThat(refused.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(refused.message()).contains("HA-managed");
        assertThat(guest(101).status()).as("refused before anything was done").isEqualTo(PowerState.RUNNING);

        apply(change(ChangeAction.DELETE, ResourceRef.vm("pve2", 101), Map.of(), Map.of(Change.OPT_PURGE, "1")));
        assertThat(session.discover(Progress.NONE).guest(101)).isEmpty();
        assertThat(Simulators.rawGet(server, "/cluster/ha/resources").findValuesAsText("sid")).containsExactly("ct:202");
    }

    @Test
    void deletesARunningGuestByStoppingItFirstAndRefusesAProtectedOneUnlessForced() {
        apply(change(ChangeAction.DELETE, ResourceRef.vm("pve1", 106), Map.of(), Map.of(Change.OPT_PURGE, "1")));
        assertThat(session.discover(Progress.NONE).guest(106)).isEmpty();

        apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 107), Map.of("protection", "1"), List.of(), Map.of(), "protect"));
        ChangeResult refused = session.apply(Change.of(ChangeAction.DELETE, ResourceRef.vm("pve2", 107), "- vm/107"), progress);
        assertThat(refused.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(refused.message()).contains("protected");
        assertThat(session.discover(Progress.NONE).guest(107)).isPresent();
        apply(change(ChangeAction.DELETE, ResourceRef.vm("pve2", 107), Map.of(), Map.of(Change.OPT_FORCE, "1")));
        assertThat(session.discover(Progress.NONE).guest(107)).isEmpty();
    }

    @Test
    void migratesARunningVmOnline() {
        apply(change(ChangeAction.MIGRATE, ResourceRef.vm("pve1", 100), Map.of(), Map.of(Change.OPT_TARGET_NODE, "pve3")));
        Guest g = guest(100);
        assertThat(g.node()).isEqualTo("pve3");
        assertThat(g.status()).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void snapshotsAndRollsBack() throws Exception {
        apply(change(ChangeAction.SNAPSHOT, ResourceRef.vm("pve2", 110), Map.of(), Map.of(Change.OPT_SNAPSHOT, "before")));
        apply(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("cores", "8"), List.of(), Map.of(), "cores"));
        apply(change(ChangeAction.ROLLBACK, ResourceRef.vm("pve2", 110), Map.of(), Map.of(Change.OPT_SNAPSHOT, "before")));
        assertThat(guest(110).cores()).isEqualTo(2);
        JsonNode snaps = Simulators.rawGet(server, "/nodes/pve2/qemu/110/snapshot");
        assertThat(snaps.toString()).contains("\"before\"");
    }

    @Test
    void backsUpAndRestores() throws Exception {
        apply(change(ChangeAction.BACKUP, ResourceRef.vm("pve2", 110), Map.of(), Map.of(Change.OPT_STORAGE, "local")));
        String archive = "";
        for (JsonNode v : Simulators.rawGet(server, "/nodes/pve2/storage/local/content")) {
            if (v.path("volid").asText().contains("vzdump-qemu-110-")) {
                archive = v.path("volid").asText();
            }
        }
        assertThat(archive).isNotEmpty();
        apply(change(ChangeAction.RESTORE, ResourceRef.vm("pve2", 140), Map.of(),
                Map.of(Change.OPT_ARCHIVE, archive, Change.OPT_STORAGE, "local-lvm")));
        assertThat(guest(140).name()).isEqualTo(guest(110).name());
    }

    @Test
    void createsAStorageDefinitionAndAPool() {
        apply(change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.STORAGE, "", "backup2"),
                Map.of("type", "dir", "path", "/mnt/backup2", "content", "backup"), Map.of()));
        apply(change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.POOL, "", "staging"), Map.of("comment", "Staging"), Map.of()));
        Inventory inv = session.discover(Progress.NONE);
        assertThat(inv.storages()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("backup2");
            assertThat(s.config()).containsEntry("path", "/mnt/backup2");
        });
        assertThat(inv.pools()).anySatisfy(p -> assertThat(p.id()).isEqualTo("staging"));
    }

    @Test
    void appliesIndependentChangesInParallelAndClonesOfOneTemplateInOrder() {
        List<Change> plan = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            plan.add(change(ChangeAction.CREATE, ResourceRef.vm("pve1", 150 + i), Map.of("name", "par-" + i, "cores", "2"),
                    Map.of(Change.OPT_CLONE_FROM, "9000")));
        }
        plan.add(new Change(ChangeAction.UPDATE, ResourceRef.vm("pve1", 150), Map.of("memory", "1024"), List.of(), Map.of(), "~150"));
        plan.add(Change.of(ChangeAction.STOP, ResourceRef.vm("pve3", 105), "stop 105"));
        plan.add(Change.of(ChangeAction.STOP, ResourceRef.container("pve2", 201), "stop 201"));
        List<ChangeResult> results = session.applyAll(plan, 4, progress);
        assertThat(results).hasSize(plan.size()).allSatisfy(r -> assertThat(r.succeeded()).as(r.message()).isTrue());
        Inventory inv = session.discover(Progress.NONE);
        assertThat(inv.guest(150).orElseThrow().value("memory")).isEqualTo("1024");
        assertThat(inv.guest(153).orElseThrow().name()).isEqualTo("par-3");
        assertThat(inv.guest(105).orElseThrow().status()).isEqualTo(PowerState.STOPPED);
    }
}
