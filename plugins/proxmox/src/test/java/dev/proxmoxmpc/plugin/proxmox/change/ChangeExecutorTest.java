package dev.proxmoxmpc.plugin.proxmox.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.Endpoints;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve.Response;
import dev.proxmoxmpc.plugin.proxmox.fake.FakeTasks;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.plugin.proxmox.task.TaskWaiter;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeExecutorTest {
    private final FakePve pve = FakePve.start();
    private final FakeTasks tasks = new FakeTasks(pve);
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
        pve.close();
    }

    private ChangeExecutor executor() {
        PveClient client = new PveClient(Endpoints.token(pve.url(), pve.fingerprint()));
        ChangeExecutor ex = new ChangeExecutor(client, new TaskWaiter(client, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(30)));
        ex.lockWait(Duration.ofSeconds(5), Duration.ofMillis(20));
        return ex;
    }

    @Test
    void createsAVmFromATemplateByCloningThenConfiguringThenStarting() {
        pve.data("GET", "/cluster/resources", "[{\"type\":\"qemu\",\"vmid\":9000,\"node\":\"pve\",\"template\":1}]");
        tasks.ok("POST", "/nodes/pve/qemu/9000/clone", "pve", "qmclone", "9000");
        pve.data("PUT", "/nodes/pve2/qemu/101/config", "null");
        tasks.ok("POST", "/nodes/pve2/qemu/101/status/start", "pve2", "qmstart", "101");
        Change c = new Change(ChangeAction.CREATE, ResourceRef.vm("pve2", 101),
                Map.of("name", "web-01", "cores", "4", "ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1"), List.of(),
                Map.of(Change.OPT_CLONE_FROM, "9000", Change.OPT_FULL, "1", Change.OPT_STORAGE, "local-lvm", Change.OPT_START, "1"),
                "+ vm/101 web-01");

        ChangeResult r = executor().apply(c, progress);

        assertThat(r.succeeded()).as(r.message()).isTrue();
        assertThat(r.taskId()).contains(":qmstart:101:");
        assertThat(pve.requests("GET", "/cluster/resources").get(0).params()).containsEntry("type", "vm");
        assertThat(pve.requests("POST", "/nodes/pve/qemu/9000/clone").get(0).params()).containsEntry("newid", "101")
                .containsEntry("target", "pve2").containsEntry("name", "web-01").containsEntry("full", "1")
                .containsEntry("storage", "local-lvm");
        assertThat(pve.requests("PUT", "/nodes/pve2/qemu/101/config").get(0).params())
                .containsEntry("cores", "4").containsEntry("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1").doesNotContainKey("name");
        assertThat(messages).contains("cloning 9000 -> 101", "starting qmclone");
    }

    @Test
    void updatesWithTheDigestAndDeletions() {
        pve.data("PUT", "/nodes/pve/qemu/100/config", "null");
        Change c = new Change(ChangeAction.UPDATE, ResourceRef.vm("pve", 100), Map.of("memory", "8192"), List.of("tags", "description"),
                Map.of(Change.OPT_DIGEST, "abc123"), "~ vm/100");
        assertThat(executor().apply(c, progress).succeeded()).isTrue();
        assertThat(pve.requests("PUT", "/nodes/pve/qemu/100/config").get(0).params())
                .containsEntry("memory", "8192").containsEntry("delete", "tags,description").containsEntry("digest", "abc123");
    }

    @Test
    void addingADiskRunsAsATaskThroughPost() {
        tasks.ok("POST", "/nodes/pve/qemu/100/config", "pve", "qmconfig", "100");
        Change c = new Change(ChangeAction.UPDATE, ResourceRef.vm("pve", 100), Map.of("scsi1", "local-lvm:16"), List.of(),
                Map.of(), "~ vm/100");
        ChangeResult r = executor().apply(c, progress);
        assertThat(r.succeeded()).isTrue();
        assertThat(r.taskId()).contains("qmconfig");
    }

    @Test
    void reportsADigestConflictAsAFailedChange() {
        pve.on("PUT", "/nodes/pve/qemu/100/config", r -> Response.error(500, "checksum mismatch (file change by other user?)\n"));
        Change c = new Change(ChangeAction.UPDATE, ResourceRef.vm("pve", 100), Map.of("memory", "8192"), List.of(),
                Map.of(Change.OPT_DIGEST, "old"), "~ vm/100");
        ChangeResult r = executor().apply(c, progress);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("checksum mismatch").contains("run /sync");
    }

    @Test
    void aFailedTaskGivesItsExitStatusAndLogTail() {
        tasks.task("POST", "/nodes/pve/qemu/100/status/start", "pve", "qmstart", "100",
                "start failed: QEMU exited with code 1", List.of("kvm: cannot allocate memory", "TASK ERROR: start failed: QEMU exited with code 1"));
        ChangeResult r = executor().apply(Change.of(ChangeAction.START, ResourceRef.vm("pve", 100), "start vm/100"), progress);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).isEqualTo("start vm/100 failed: start failed: QEMU exited with code 1");
        assertThat(r.taskId()).contains(":qmstart:100:");
        assertThat(r.logTail()).containsExactly("kvm: cannot allocate memory", "TASK ERROR: start failed: QEMU exited with code 1");
    }

    @Test
    void refusesToDeleteAProtectedGuestUnlessForced() {
        pve.data("GET", "/nodes/pve/qemu/100/config", "{\"protection\":1,\"name\":\"db\"}");
        pve.data("GET", "/nodes/pve/qemu/100/status/current", "{\"status\":\"running\"}");
        pve.data("PUT", "/nodes/pve/qemu/100/config", "null");
        tasks.ok("POST", "/nodes/pve/qemu/100/status/stop", "pve", "qmstop", "100");
        tasks.ok("DELETE", "/nodes/pve/qemu/100", "pve", "qmdestroy", "100");
        ChangeResult refused = executor().apply(Change.of(ChangeAction.DELETE, ResourceRef.vm("pve", 100), "- vm/100"), progress);
        assertThat(refused.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(refused.message()).contains("protected").contains("--force");
        assertThat(pve.requests("DELETE", "/nodes/pve/qemu/100")).isEmpty();

        Change forced = new Change(ChangeAction.DELETE, ResourceRef.vm("pve", 100), Map.of(), List.of(),
                Map.of(Change.OPT_FORCE, "1", Change.OPT_PURGE, "1"), "- vm/100");
        assertThat(executor().apply(forced, progress).succeeded()).isTrue();
        assertThat(pve.requests("PUT", "/nodes/pve/qemu/100/config").get(0).params()).containsEntry("delete", "protection");
        assertThat(pve.requests("POST", "/nodes/pve/qemu/100/status/stop")).hasSize(1);
        assertThat(pve.requests("DELETE", "/nodes/pve/qemu/100").get(0).params()).containsEntry("purge", "1")
                .containsEntry("destroy-unreferenced-disks", "1");
    }

    @Test
    void waitsForAGuestLockedBySomeoneElseInsteadOfFailing() {
        AtomicInteger calls = new AtomicInteger();
        pve.on("PUT", "/nodes/pve/lxc/200/config", r -> calls.incrementAndGet() < 3
                ? Response.error(500, "CT is locked (backup)\n") : Response.data("null"));
        Change c = new Change(ChangeAction.UPDATE, ResourceRef.container("pve", 200), Map.of("cores", "2"), List.of(), Map.of(), "~ ct/200");
        ChangeResult r = executor().apply(c, progress);
        assertThat(r.succeeded()).as(r.message()).isTrue();
        assertThat(calls).hasValue(3);
        assertThat(messages).anyMatch(m -> m.contains("waiting, locked by another task") && m.contains("CT is locked (backup)"));
    }

    @Test
    void waitsForTheHaManagerAfterAnHaStartTask() {
        tasks.ok("POST", "/nodes/pve/qemu/100/status/start", "pve", "hastart", "100");
        AtomicInteger polls = new AtomicInteger();
        pve.on("GET", "/nodes/pve/qemu/100/status/current", r -> Response.data(polls.incrementAndGet() < 3
                ? "{\"status\":\"stopped\",\"ha\":{\"managed\":1}}" : "{\"status\":\"running\",\"ha\":{\"managed\":1}}"));
        ChangeResult r = executor().apply(Change.of(ChangeAction.START, ResourceRef.vm("pve", 100), "start"), progress);
        assertThat(r.succeeded()).as(r.message()).isTrue();
        assertThat(polls).hasValue(3);
        assertThat(messages).anyMatch(m -> m.contains("HA-managed"));
    }

    @Test
    void deletesAnHaManagedGuestOnlyOnceTheHaManagerHasStoppedIt() {
        pve.data("GET", "/nodes/pve/qemu/101/config", "{\"name\":\"web\"}");
        AtomicInteger polls = new AtomicInteger();
        pve.on("GET", "/nodes/pve/qemu/101/status/current", r -> Response.data(polls.incrementAndGet() < 3
                ? "{\"status\":\"running\",\"ha\":{\"managed\":1,\"state\":\"started\"}}"
                : "{\"status\":\"stopped\",\"ha\":{\"managed\":1,\"state\":\"stopped\"}}"));
        tasks.ok("POST", "/nodes/pve/qemu/101/status/stop", "pve", "hastop", "101");
        tasks.ok("DELETE", "/nodes/pve/qemu/101", "pve", "qmdestroy", "101");
        Change c = new Change(ChangeAction.DELETE, ResourceRef.vm("pve", 101), Map.of(), List.of(), Map.of(Change.OPT_PURGE, "1"), "- vm/101");
        ChangeResult r = executor().apply(c, progress);
        assertThat(r.succeeded()).as(r.message()).isTrue();
        List<String> calls = pve.requests().stream().map(q -> q.method() + " " + q.path()).toList();
        int delete = calls.indexOf("DELETE /nodes/pve/qemu/101");
        assertThat(calls.subList(0, delete)).as("deleted only after the HA manager reported it stopped")
                .filteredOn(q -> q.endsWith("/status/current")).hasSize(3);
        assertThat(pve.requests("DELETE", "/nodes/pve/qemu/101").get(0).params()).containsEntry("purge", "1");
        assertThat(messages).anyMatch(m -> m.contains("HA-managed"));
    }

    @Test
    void refusesToDeleteAnHaManagedGuestWithoutPurgeBeforeStoppingIt() {
        pve.data("GET", "/nodes/pve/qemu/101/config", "{\"name\":\"web\"}");
        pve.data("GET", "/nodes/pve/qemu/101/status/current", "{\"status\":\"running\",\"ha\":{\"managed\":1}}");
        ChangeResult r = executor().apply(Change.of(ChangeAction.DELETE, ResourceRef.vm("pve", 101), "- vm/101"), progress);
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("HA-managed").contains("purge").doesNotContain("\n");
        assertThat(pve.requests("POST", "/nodes/pve/qemu/101/status/stop")).isEmpty();
        assertThat(pve.requests("DELETE", "/nodes/pve/qemu/101")).isEmpty();
    }

    @Test
    void migratesARunningVmOnline() {
        pve.data("GET", "/nodes/pve/qemu/100/status/current", "{\"status\":\"running\"}");
        tasks.ok("POST", "/nodes/pve/qemu/100/migrate", "pve", "qmigrate", "100");
        Change c = new Change(ChangeAction.MIGRATE, ResourceRef.vm("pve", 100), Map.of(), List.of(),
                Map.of(Change.OPT_TARGET_NODE, "pve2"), "migrate");
        assertThat(executor().apply(c, progress).succeeded()).isTrue();
        assertThat(pve.requests("POST", "/nodes/pve/qemu/100/migrate").get(0).params())
                .containsEntry("target", "pve2").containsEntry("online", "1");
    }

    @Test
    void createsABridgeAndAppliesTheNetworkConfiguration() {
        pve.data("POST", "/nodes/pve/network", "null");
        tasks.ok("PUT", "/nodes/pve/network", "pve", "srvreload", "networking");
        Change c = new Change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.NETWORK, "pve", "vmbr1"),
                Map.of("type", "bridge", "bridge_vlan_aware", "1", "autostart", "1"), List.of(), Map.of(), "+ network vmbr1");
        assertThat(executor().apply(c, progress).succeeded()).isTrue();
        assertThat(pve.requests("POST", "/nodes/pve/network").get(0).params()).containsEntry("iface", "vmbr1")
                .containsEntry("type", "bridge");
        assertThat(pve.requests("PUT", "/nodes/pve/network")).hasSize(1);
    }

    @Test
    void createsAVlanAndUpdatesAndDeletesInterfacesThenAppliesEachTime() {
        pve.data("POST", "/nodes/pve/network", "null");
        pve.data("PUT", "/nodes/pve/network/vmbr1", "null");
        pve.data("GET", "/nodes/pve/network/vmbr1", "{\"type\":\"bridge\",\"cidr\":\"10.1.0.1/24\",\"cidr6\":\"fd00::1/64\"}");
        pve.data("DELETE", "/nodes/pve/network/vmbr0.20", "null");
        tasks.ok("PUT", "/nodes/pve/network", "pve", "srvreload", "networking");
        ResourceRef vlan = new ResourceRef(ResourceRef.Type.NETWORK, "pve", "vmbr0.20");
        assertThat(executor().apply(new Change(ChangeAction.CREATE, vlan, Map.of("type", "vlan", "vlan-raw-device", "vmbr0",
                "vlan-id", "20"), List.of(), Map.of(), "+ vlan"), progress).succeeded()).isTrue();
        assertThat(executor().apply(new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.NETWORK, "pve", "vmbr1"),
                Map.of("type", "bridge", "comments", "trunk"), List.of("cidr"), Map.of(), "~ vmbr1"), progress).succeeded()).isTrue();
        assertThat(executor().apply(Change.of(ChangeAction.DELETE, vlan, "- vlan"), progress).succeeded()).isTrue();
        assertThat(pve.requests("POST", "/nodes/pve/network").get(0).params()).containsEntry("iface", "vmbr0.20")
                .containsEntry("vlan-raw-device", "vmbr0").containsEntry("vlan-id", "20");
        assertThat(pve.requests("PUT", "/nodes/pve/network/vmbr1").get(0).params()).containsEntry("delete", "cidr")
                .containsEntry("comments", "trunk").as("the IPv6 address kept, so PVE keeps method6 static")
                .containsEntry("cidr6", "fd00::1/64").doesNotContainKey("cidr");
        assertThat(pve.requests("DELETE", "/nodes/pve/network/vmbr0.20")).hasSize(1);
        assertThat(pve.requests("PUT", "/nodes/pve/network")).hasSize(3);
    }

    @Test
    void sendsOnlyTheInterfaceSettingsTheApiTakes() {
        pve.data("POST", "/nodes/pve/network", "null");
        tasks.ok("PUT", "/nodes/pve/network", "pve", "srvreload", "networking");
        Change c = new Change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.NETWORK, "pve", "vmbr2"),
                Map.of("type", "bridge", "cidr", "10.2.0.1/24", "address", "10.2.0.1", "netmask", "24", "active", "1",
                        "families", "inet", "method", "static", "priority", "7", "bridge_stp", "off", "autostart", "1"),
                List.of(), Map.of(), "+ network vmbr2");
        assertThat(executor().apply(c, progress).succeeded()).isTrue();
        assertThat(pve.requests("POST", "/nodes/pve/network").get(0).params()).isEqualTo(Map.of("iface", "vmbr2",
                "type", "bridge", "cidr", "10.2.0.1/24", "autostart", "1"));
        assertThat(messages).contains("network/pve/vmbr2: bridge_stp cannot be set through the Proxmox API; left as the server has them");
    }

    @Test
    void clearsAPoolCommentWithAnEmptyOneAndRefusesOtherDeletions() {
        pve.data("PUT", "/pools", "null");
        ResourceRef lab = new ResourceRef(ResourceRef.Type.POOL, "", "lab");
        assertThat(executor().apply(new Change(ChangeAction.UPDATE, lab, Map.of(), List.of("comment"), Map.of(), "~ lab"),
                progress).succeeded()).isTrue();
        assertThat(pve.requests("PUT", "/pools").get(0).params()).isEqualTo(Map.of("poolid", "lab", "comment", ""));
        ChangeResult r = executor().apply(new Change(ChangeAction.UPDATE, lab, Map.of(), List.of("members"), Map.of(), "~ lab"), progress);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.message()).isEqualTo("update pool/lab: 'members' cannot be removed from a pool; only its comment can");
        assertThat(pve.requests("PUT", "/pools")).hasSize(1);
    }

    @Test
    void changesPoolMembershipAsTheSyncPlannerSendsIt() {
        pve.data("PUT", "/pools", "null");
        Change join = new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", "prod"), Map.of("vms", "120"),
                List.of(), Map.of(), "add 120 to prod");
        Change leave = new Change(ChangeAction.UPDATE, new ResourceRef(ResourceRef.Type.POOL, "", "dev"),
                Map.of("vms", "120", "delete", "1"), List.of(), Map.of(), "remove 120 from dev");
        assertThat(executor().apply(join, progress).succeeded()).isTrue();
        assertThat(executor().apply(leave, progress).succeeded()).isTrue();
        assertThat(pve.requests("PUT", "/pools")).extracting(FakePve.Request::params).containsExactly(
                Map.of("poolid", "prod", "vms", "120"), Map.of("poolid", "dev", "vms", "120", "delete", "1"));
    }

    @Test
    void createsAStorageDefinition() {
        pve.data("POST", "/storage", "{\"storage\":\"nfs1\",\"type\":\"nfs\"}");
        Change c = new Change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.STORAGE, "", "nfs1"),
                Map.of("type", "nfs", "server", "10.0.0.9", "export", "/srv", "content", "images,backup"), List.of(), Map.of(), "+ storage nfs1");
        assertThat(executor().apply(c, progress).succeeded()).isTrue();
        assertThat(pve.requests("POST", "/storage").get(0).params()).containsEntry("storage", "nfs1").containsEntry("type", "nfs");
        Change again = new Change(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.STORAGE, "", "nfs1"),
                Map.of("type", "nfs", "server", "10.0.0.9", "export", "/srv", "shared", "1"), List.of(), Map.of(), "+ storage nfs1");
        assertThat(executor().apply(again, progress).succeeded()).isTrue();
        assertThat(pve.requests("POST", "/storage").get(1).params()).as("NFS is shared by nature and takes no 'shared'")
                .doesNotContainKey("shared");
    }
}
