package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SDN zones, vnets and subnets read from and written to the simulator over HTTPS; every write applied by PUT /cluster/sdn. */
class SdnIT {
    private final SimulatorServer server = Simulators.demo();
    private final ProxmoxSession session = Simulators.session(server);

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private Optional<ClusterObject> read(String kind, String id) {
        return session.discover(Progress.NONE).object(kind, "", id);
    }

    private ChangeResult apply(ChangeAction action, String kind, String id, Map<String, String> settings, List<String> deletions) {
        ResourceRef ref = ResourceRef.object(kind, "", id);
        return session.apply(new Change(action, ref, settings, deletions, Map.of(), action + " " + ref), Progress.NONE);
    }

    private void ok(ChangeResult r) {
        assertThat(r.succeeded()).as("%s %s", r.message(), r.logTail()).isTrue();
    }

    @Test
    void discoveryReadsTheRunningSdnOfTheDemo() {
        var inv = session.discover(Progress.NONE);
        assertThat(inv.object("sdn-zone", "", "lab").orElseThrow().config()).isEqualTo(Map.of("type", "simple", "ipam", "pve"));
        assertThat(inv.object("sdn-zone", "", "tenants").orElseThrow().config())
                .isEqualTo(Map.of("type", "vlan", "bridge", "vmbr1", "mtu", "1500"));
        assertThat(inv.object("sdn-vnet", "", "dmz").orElseThrow().config())
                .isEqualTo(Map.of("zone", "tenants", "tag", "100", "alias", "DMZ servers"));
        assertThat(inv.object("sdn-vnet", "", "labnet").orElseThrow().config())
                .isEqualTo(Map.of("zone", "lab", "alias", "Isolated lab network"));
        assertThat(inv.object("sdn-subnet", "", "lab-10.20.0.0-24").orElseThrow().config())
                .isEqualTo(Map.of("vnet", "labnet", "gateway", "10.20.0.1", "snat", "1"));
        assertThat(inv.objects().stream().filter(o -> o.kind().startsWith("sdn-")).count()).isEqualTo(5);
    }

    @Test
    void createsUpdatesAndDeletesAZoneVnetAndSubnetEachApplied() {
        ok(apply(ChangeAction.CREATE, "sdn-zone", "ovl", Map.of("type", "vxlan", "peers", "10.0.0.11,10.0.0.12,10.0.0.13"), List.of()));
        ok(apply(ChangeAction.CREATE, "sdn-vnet", "ovlnet", Map.of("zone", "ovl", "tag", "5000"), List.of()));
        ok(apply(ChangeAction.CREATE, "sdn-subnet", "ovl-10.40.0.0-24", Map.of("vnet", "ovlnet", "gateway", "10.40.0.1",
                "dhcp-range.0", "start-address=10.40.0.100,end-address=10.40.0.200"), List.of()));
        assertThat(read("sdn-zone", "ovl").orElseThrow().config()).isEqualTo(Map.of("type", "vxlan", "peers", "10.0.0.11,10.0.0.12,10.0.0.13"));
        assertThat(read("sdn-subnet", "ovl-10.40.0.0-24").orElseThrow().config()).isEqualTo(Map.of("vnet", "ovlnet",
                "gateway", "10.40.0.1", "dhcp-range.0", "start-address=10.40.0.100,end-address=10.40.0.200"));

        ok(apply(ChangeAction.UPDATE, "sdn-zone", "ovl", Map.of("type", "vxlan", "peers", "10.0.0.11,10.0.0.12", "mtu", "1450"), List.of()));
        ok(apply(ChangeAction.UPDATE, "sdn-vnet", "ovlnet", Map.of("zone", "ovl", "tag", "5001", "alias", "overlay"), List.of()));
        ok(apply(ChangeAction.UPDATE, "sdn-subnet", "ovl-10.40.0.0-24", Map.of("vnet", "ovlnet", "gateway", "10.40.0.254", "snat", "1"),
                List.of("dhcp-range.0")));
        assertThat(read("sdn-zone", "ovl").orElseThrow().config()).isEqualTo(Map.of("type", "vxlan", "peers", "10.0.0.11,10.0.0.12", "mtu", "1450"));
        assertThat(read("sdn-vnet", "ovlnet").orElseThrow().config()).isEqualTo(Map.of("zone", "ovl", "tag", "5001", "alias", "overlay"));
        assertThat(read("sdn-subnet", "ovl-10.40.0.0-24").orElseThrow().config())
                .isEqualTo(Map.of("vnet", "ovlnet", "gateway", "10.40.0.254", "snat", "1"));

        ok(apply(ChangeAction.DELETE, "sdn-subnet", "ovl-10.40.0.0-24", Map.of(), List.of()));
        ok(apply(ChangeAction.DELETE, "sdn-vnet", "ovlnet", Map.of(), List.of()));
        ok(apply(ChangeAction.DELETE, "sdn-zone", "ovl", Map.of(), List.of()));
        assertThat(read("sdn-zone", "ovl")).isEmpty();
        assertThat(session.client().get("/cluster/sdn/zones?pending=1").findValuesAsText("state")).as("nothing left pending").isEmpty();
    }

    @Test
    void refusesToApplyWhatSomeoneElseStagedAndReadsOnlyTheRunningConfig() {
        session.client().post("/cluster/sdn/vnets", Map.of("vnet", "other", "zone", "lab"));
        assertThat(read("sdn-vnet", "other")).as("staged, not running").isEmpty();
        ChangeResult r = apply(ChangeAction.UPDATE, "sdn-vnet", "labnet", Map.of("zone", "lab", "alias", "x"), List.of());
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("sdn-vnet/other new").contains("apply or roll them back in PVE first");
        assertThat(read("sdn-vnet", "labnet").orElseThrow().value("alias")).isEqualTo("Isolated lab network");
    }

    @Test
    void pveRefusesAVnetInAMissingZoneAndTheChangeFailsWithItsMessage() {
        ChangeResult r = apply(ChangeAction.CREATE, "sdn-vnet", "v9", Map.of("zone", "nope"), List.of());
        assertThat(r.status()).isEqualTo(ChangeResult.Status.FAILED);
        assertThat(r.message()).contains("zone 'nope' doesn't exist");
    }
}
