package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every executor operation on node networks, storage definitions and pools against the simulator over real HTTPS,
 * each checked by a discovery afterwards: what the server holds, not what the executor meant to send.
 */
class InfraChangesIT {
    private final SimulatorServer server = Simulators.demo();
    private final ProxmoxSession session = Simulators.session(server);

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private ChangeResult apply(ChangeAction action, ResourceRef ref, Map<String, String> settings, List<String> deletions,
                               Map<String, String> options) {
        ChangeResult r = session.apply(new Change(action, ref, settings, deletions, options, action + " " + ref), Progress.NONE);
        assertThat(r.succeeded()).as("%s %s: %s %s", action, ref, r.message(), r.logTail()).isTrue();
        return r;
    }

    private ChangeResult refused(ChangeAction action, ResourceRef ref, Map<String, String> settings, Map<String, String> options) {
        ChangeResult r = session.apply(new Change(action, ref, settings, List.of(), options, action + " " + ref), Progress.NONE);
        assertThat(r.status()).as(r.message()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).doesNotContain("\n");
        return r;
    }

    private static ResourceRef net(String iface) {
        return new ResourceRef(ResourceRef.Type.NETWORK, "pve1", iface);
    }

    private static ResourceRef storage(String id) {
        return new ResourceRef(ResourceRef.Type.STORAGE, "", id);
    }

    private static ResourceRef pool(String id) {
        return new ResourceRef(ResourceRef.Type.POOL, "", id);
    }

    private Optional<Network> network(String iface) {
        return session.discover(Progress.NONE).networks().stream()
                .filter(n -> n.node().equals("pve1") && n.iface().equals(iface)).findFirst();
    }

    private boolean staged() {
        return session.client().getEnvelope("/nodes/pve1/network", Map.of()).has("changes");
    }

    @Test
    void createsABridgeAndAVlanEachAppliedByTheReloadTask() {
        ChangeResult bridge = apply(ChangeAction.CREATE, net("vmbr5"), Map.of("type", "bridge", "autostart", "1",
                "bridge_ports", "eno2.50", "cidr", "10.5.0.1/24", "bridge_vlan_aware", "1", "comments", "lab"), List.of(), Map.of());
        assertThat(bridge.taskId()).startsWith("UPID:pve1:").contains(":srvreload:networking:");
        apply(ChangeAction.CREATE, net("eno1.30"), Map.of("type", "vlan", "autostart", "1", "vlan-id", "30"), List.of(), Map.of());
        assertThat(staged()).as("nothing left in interfaces.new").isFalse();

        Network vmbr5 = network("vmbr5").orElseThrow();
        assertThat(vmbr5.type()).isEqualTo("bridge");
        assertThat(vmbr5.config()).containsEntry("cidr", "10.5.0.1/24").containsEntry("method", "static")
                .containsEntry("bridge_ports", "eno2.50").containsEntry("bridge_vlan_aware", "1")
                .containsEntry("bridge_vids", "2-4094").containsEntry("comments", "lab\n").containsEntry("active", "1");
        Network vlan = network("eno1.30").orElseThrow();
        assertThat(vlan.type()).isEqualTo("vlan");
        assertThat(vlan.config()).containsEntry("vlan-raw-device", "eno1").containsEntry("vlan-id", "30").containsEntry("active", "1");
    }

    @Test
    void updatesAnInterfaceAndKeepsItsStaticAddress() {
        apply(ChangeAction.UPDATE, net("vmbr0"), Map.of("type", "bridge", "comments", "uplink"), List.of(), Map.of());
        Network vmbr0 = network("vmbr0").orElseThrow();
        assertThat(vmbr0.config()).containsEntry("comments", "uplink\n").containsEntry("cidr", "10.0.0.11/24")
                .containsEntry("gateway", "10.0.0.1").as("the executor resent the address").containsEntry("method", "static");

        apply(ChangeAction.UPDATE, net("vmbr1"), Map.of("type", "bridge", "mtu", "1500"), List.of("bridge_vlan_aware", "active"),
                Map.of());
        assertThat(network("vmbr1").orElseThrow().config()).doesNotContainKeys("bridge_vlan_aware", "bridge_vids")
                .containsEntry("mtu", "1500").containsEntry("active", "1");
        assertThat(staged()).isFalse();
    }

    @Test
    void deletesAnInterfaceAndThePhysicalPortStays() {
        apply(ChangeAction.DELETE, net("vmbr1"), Map.of(), List.of(), Map.of());
        assertThat(network("vmbr1")).isEmpty();
        assertThat(network("eno2")).hasValueSatisfying(n -> assertThat(n.type()).isEqualTo("eth"));
        assertThat(staged()).isFalse();
    }

    @Test
    void aRefusedInterfaceFailsInOneLineStagesNothingAndAppliesNothing() {
        ChangeResult missing = refused(ChangeAction.CREATE, net("vmbr6"), Map.of("type", "bridge", "bridge_ports", "eno9"), Map.of());
        assertThat(missing.message()).contains("bridge 'vmbr6' - unable to find bridge port 'eno9'");
        assertThat(missing.taskId()).as("no reload after a refused write").isEmpty();
        ChangeResult taken = refused(ChangeAction.CREATE, net("vmbr6"), Map.of("type", "bridge", "bridge_ports", "eno1"), Map.of());
        assertThat(taken.message()).contains("bridge_ports: eno1 is already used on interface 'vmbr0'.");
        ChangeResult unknown = refused(ChangeAction.UPDATE, net("vmbr9"), Map.of("type", "bridge"), Map.of());
        assertThat(unknown.message()).contains("interface does not exist");
        assertThat(staged()).isFalse();
        assertThat(network("vmbr6")).isEmpty();
    }

    @Test
    void createsUpdatesWithTheDigestAndDeletesAStorageDefinition() throws Exception {
        apply(ChangeAction.CREATE, storage("backup2"), Map.of("type", "dir", "path", "/mnt/backup2", "content", "backup"),
                List.of(), Map.of());
        String digest = Simulators.rawGet(server, "/storage/backup2").path("digest").asText();
        apply(ChangeAction.UPDATE, storage("backup2"), Map.of("type", "dir", "content", "backup,iso", "nodes", "pve1"),
                List.of(), Map.of(Change.OPT_DIGEST, digest));
        Storage s = storageNamed("backup2").orElseThrow();
        assertThat(s.config()).containsEntry("content", "backup,iso").containsEntry("nodes", "pve1")
                .containsEntry("path", "/mnt/backup2");

        ChangeResult stale = refused(ChangeAction.UPDATE, storage("backup2"), Map.of("content", "iso"), Map.of(Change.OPT_DIGEST, digest));
        assertThat(stale.message()).contains("update storage failed: detected modified configuration").contains("run /sync");
        apply(ChangeAction.UPDATE, storage("backup2"), Map.of(), List.of("nodes"), Map.of());
        assertThat(storageNamed("backup2").orElseThrow().config()).doesNotContainKey("nodes");

        apply(ChangeAction.DELETE, storage("backup2"), Map.of(), List.of(), Map.of());
        assertThat(storageNamed("backup2")).isEmpty();
        assertThat(refused(ChangeAction.DELETE, storage("backup2"), Map.of(), Map.of()).message())
                .contains("delete storage failed: storage 'backup2' does not exist");
    }

    private Optional<Storage> storageNamed(String id) {
        return session.discover(Progress.NONE).storages().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Test
    void createsAPoolChangesItsCommentAndMembersAndDeletesItOnceEmpty() throws Exception {
        apply(ChangeAction.CREATE, pool("staging"), Map.of("comment", "Staging"), List.of(), Map.of());
        apply(ChangeAction.UPDATE, pool("staging"), Map.of("comment", "Staging env"), List.of(), Map.of());
        assertThat(poolComment("staging")).isEqualTo("Staging env");
        apply(ChangeAction.UPDATE, pool("staging"), Map.of(), List.of("comment"), Map.of());
        assertThat(poolComment("staging")).isEmpty();

        apply(ChangeAction.UPDATE, pool("staging"), Map.of("vms", "110"), List.of(), Map.of());
        assertThat(session.discover(Progress.NONE).guest(110).orElseThrow().pool()).isEqualTo("staging");
        assertThat(Simulators.rawGet(server, "/pools/staging").path("members").findValuesAsText("id")).containsExactly("qemu/110");
        apply(ChangeAction.UPDATE, pool("staging"), Map.of("vms", "110", "delete", "1"), List.of(), Map.of());
        assertThat(session.discover(Progress.NONE).guest(110).orElseThrow().pool()).isEmpty();

        assertThat(refused(ChangeAction.UPDATE, pool("staging"), Map.of("vms", "100"), Map.of()).message())
                .contains("VM 100 belongs already to pool 'production'");
        apply(ChangeAction.UPDATE, pool("production"), Map.of("vms", "100", "delete", "1"), List.of(), Map.of());
        apply(ChangeAction.UPDATE, pool("staging"), Map.of("vms", "100"), List.of(), Map.of());
        Inventory moved = session.discover(Progress.NONE);
        assertThat(moved.guest(100).orElseThrow().pool()).isEqualTo("staging");

        assertThat(refused(ChangeAction.DELETE, pool("staging"), Map.of(), Map.of()).message())
                .contains("delete pool failed: pool 'staging' is not empty (contains VM 100)");
        apply(ChangeAction.UPDATE, pool("staging"), Map.of("vms", "100", "delete", "1"), List.of(), Map.of());
        apply(ChangeAction.DELETE, pool("staging"), Map.of(), List.of(), Map.of());
        assertThat(session.discover(Progress.NONE).pools()).extracting(p -> p.id()).containsExactly("production");
    }

    @Test
    void aGuestMovesBetweenPoolsInOneParallelPlan() {
        apply(ChangeAction.CREATE, pool("staging"), Map.of(), List.of(), Map.of());
        List<ChangeResult> results = session.applyAll(List.of(
                new Change(ChangeAction.UPDATE, pool("production"), Map.of("vms", "101", "delete", "1"), List.of(), Map.of(), "- 101"),
                new Change(ChangeAction.UPDATE, pool("staging"), Map.of("vms", "101"), List.of(), Map.of(), "+ 101"),
                new Change(ChangeAction.UPDATE, pool("production"), Map.of("vms", "102", "delete", "1"), List.of(), Map.of(), "- 102"),
                new Change(ChangeAction.UPDATE, pool("staging"), Map.of("vms", "102"), List.of(), Map.of(), "+ 102")),
                4, Progress.NONE);
        assertThat(results).allSatisfy(r -> assertThat(r.succeeded()).as(r.message()).isTrue());
        Inventory inv = session.discover(Progress.NONE);
        assertThat(inv.guest(101).orElseThrow().pool()).isEqualTo("staging");
        assertThat(inv.guest(102).orElseThrow().pool()).isEqualTo("staging");
    }

    private String poolComment(String id) {
        return session.discover(Progress.NONE).pools().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().comment();
    }

    @Test
    void networkChangesOfOneNodeRunOneAfterTheOtherInAPlan() {
        List<ChangeResult> results = session.applyAll(List.of(
                new Change(ChangeAction.CREATE, net("vmbr7"), Map.of("type", "bridge", "autostart", "1"), List.of(), Map.of(), "+ vmbr7"),
                new Change(ChangeAction.CREATE, net("vmbr8"), Map.of("type", "bridge", "autostart", "1"), List.of(), Map.of(), "+ vmbr8"),
                new Change(ChangeAction.UPDATE, net("vmbr7"), Map.of("type", "bridge", "comments", "seven"), List.of(), Map.of(), "~ vmbr7")),
                4, Progress.NONE);
        assertThat(results).allSatisfy(r -> assertThat(r.succeeded()).as(r.message()).isTrue());
        assertThat(network("vmbr7").orElseThrow().config()).containsEntry("comments", "seven\n").containsEntry("active", "1");
        assertThat(network("vmbr8").orElseThrow().config()).containsEntry("active", "1");
        JsonNode list = session.client().getEnvelope("/nodes/pve1/network", Map.of());
        assertThat(list.has("changes")).isFalse();
    }
}
