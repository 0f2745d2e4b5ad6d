package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery of the simulator's demo scenario over real HTTPS, checked against the scenario and raw API answers. */
class DiscoverDemoIT {
    private static SimulatorServer server;
    private static Inventory inventory;
    private static JsonNode scenario;
    private static final AtomicLong total = new AtomicLong();
    private static final AtomicLong steps = new AtomicLong();
    private static long requests;

    @BeforeAll
    static void discover() throws Exception {
        server = Simulators.demo();
        scenario = Simulators.demoScenario();
        try (ProxmoxSession session = Simulators.session(server)) {
            inventory = session.discover(new Progress() {
                @Override
                public void total(long t) {
                    total.accumulateAndGet(t, Math::max);
                }

                @Override
                public void step(long n) {
                    steps.addAndGet(n);
                }

                @Override
                public void message(String text) {}

                @Override
                public void close() {}
            });
            requests = session.client().requestCount();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void findsEveryNodeGuestStoragePoolAndNetworkOfTheScenario() {
        assertThat(inventory.cluster()).isEqualTo(scenario.path("cluster").asText());
        assertThat(inventory.nodes()).hasSize(scenario.path("nodes").size()).allMatch(n -> n.online());
        int guests = scenario.path("templates").size() + scenario.path("vms").size() + scenario.path("containers").size();
        assertThat(inventory.guests()).hasSize(guests);
        assertThat(inventory.vms()).hasSize(scenario.path("templates").size() + scenario.path("vms").size());
        assertThat(inventory.containers()).hasSize(scenario.path("containers").size());
        assertThat(inventory.storages()).hasSize(scenario.path("storages").size());
        assertThat(inventory.pools()).extracting(p -> p.id()).containsExactly(scenario.path("pools").get(0).path("id").asText());
        int interfaces = 0;
        for (JsonNode n : scenario.path("nodes")) {
            interfaces += n.path("interfaces").size();
        }
        assertThat(inventory.networks()).hasSize(interfaces);
    }

    @Test
    void placesGuestsOnTheirNodesInTheirPoolsWithTheirPowerState() {
        for (String kind : new String[] {"templates", "vms", "containers"}) {
            for (JsonNode spec : scenario.path(kind)) {
                Guest g = inventory.guest(spec.path("vmid").asInt()).orElseThrow();
                assertThat(g.node()).isEqualTo(spec.path("node").asText());
                assertThat(g.pool()).isEqualTo(spec.path("pool").asText(""));
                PowerState expected = kind.equals("templates") ? PowerState.STOPPED : PowerState.fromPve(spec.path("status").asText());
                assertThat(g.status()).as("vmid %s", g.vmid()).isEqualTo(expected);
                assertThat(g.template()).isEqualTo(kind.equals("templates"));
                assertThat(g).isInstanceOf(kind.equals("containers") ? Container.class : VirtualMachine.class);
                assertThat(g.runtime().digest()).matches("[0-9a-f]{40}");
                assertThat(g.runtime().uptimeSeconds() > 0).isEqualTo(g.status() == PowerState.RUNNING);
            }
        }
    }

    @Test
    void keepsEveryConfigExactlyAsTheServerReturnedIt() throws Exception {
        for (Guest g : inventory.guests()) {
            String type = g instanceof VirtualMachine ? "qemu" : "lxc";
            JsonNode raw = Simulators.rawGet(server, "/nodes/" + g.node() + "/" + type + "/" + g.vmid() + "/config");
            Map<String, String> expected = new LinkedHashMap<>();
            raw.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("digest")) {
                    expected.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
                }
            });
            assertThat(g.config()).as("config of %s", g.vmid()).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(g.runtime().digest()).isEqualTo(raw.path("digest").asText());
        }
    }

    @Test
    void everyConfigValueRoundTripsThroughThePropertyStringParser() {
        int disks = 0;
        int nics = 0;
        for (Guest g : inventory.guests()) {
            for (var e : g.config().entrySet()) {
                assertThat(PropertyString.parse(e.getValue()).format()).as("%s %s", g.vmid(), e.getKey()).isEqualTo(e.getValue());
            }
            for (Disk d : g.disks()) {
                disks++;
                assertThat(d.spec().format()).isEqualTo(g.value(d.slot()));
                if (!d.cdrom() && !d.volume().contains("cloudinit")) {
                    assertThat(d.storage()).as("%s %s", g.vmid(), d.slot()).isEqualTo("local-lvm");
                }
            }
            for (Nic n : g.nics()) {
                nics++;
                assertThat(n.bridge()).startsWith("vmbr");
                assertThat(n.mac()).as("%s %s generated MAC", g.vmid(), n.slot()).matches("([0-9A-F]{2}:){5}[0-9A-F]{2}");
            }
            if (g instanceof VirtualMachine vm) {
                vm.ipConfigList().forEach(ip -> assertThat(ip.spec().format()).isEqualTo(vm.value(ip.slot())));
            }
        }
        assertThat(disks).isGreaterThan(inventory.guests().size());
        assertThat(nics).isGreaterThanOrEqualTo(inventory.guests().size());
    }

    @Test
    void readsTypedViewsOfTheDemoGuests() {
        VirtualMachine web = (VirtualMachine) inventory.guestsNamed("web-01").get(0);
        assertThat(web.cores()).isEqualTo(2);
        assertThat(web.memoryMiB()).isEqualTo(4096);
        assertThat(web.tags()).containsExactly("prod", "web");
        Disk scsi0 = web.disks().stream().filter(d -> d.slot().equals("scsi0")).findFirst().orElseThrow();
        assertThat(scsi0.ssd()).isTrue();
        assertThat(scsi0.iothread()).isTrue();
        assertThat(scsi0.discard()).isEqualTo("on");
        assertThat(scsi0.size()).isEqualTo("32G");
        assertThat(web.nics().get(0).firewall()).isTrue();
        assertThat(web.cloudInit().user()).isEqualTo("admin");
        assertThat(web.cloudInit().sshKeys()).singleElement().asString().startsWith("ssh-ed25519 ");
        assertThat(web.ipConfigList().get(0).gateway()).isEqualTo("10.0.0.1");
        VirtualMachine monitoring = (VirtualMachine) inventory.guestsNamed("monitoring").get(0);
        assertThat(monitoring.nics().get(1).tag()).isEqualTo("20");
    }

    @Test
    void readsTheAddressesOfRunningAgentVmsAndContainersAndNoneOfOtherGuests() throws Exception {
        int withAddresses = 0;
        for (Guest g : inventory.guests()) {
            JsonNode spec = spec(g.vmid());
            boolean agent = g instanceof VirtualMachine vm && vm.agent() && spec.path("guestAgent").asBoolean(true);
            if (g.status() == PowerState.RUNNING && (agent || g instanceof Container)) {
                withAddresses++;
                String path = "/nodes/" + g.node() + (agent ? "/qemu/" + g.vmid() + "/agent/network-get-interfaces" : "/lxc/" + g.vmid() + "/interfaces");
                assertThat(g.runtime().ipAddresses()).as("%s", g.vmid()).isNotEmpty().isEqualTo(usable(Simulators.rawGet(server, path)));
            } else {
                assertThat(g.runtime().ipAddresses()).as("%s (%s)", g.vmid(), g.status()).isEmpty();
            }
        }
        assertThat(withAddresses).as("9 running agent VMs (not the Windows one) and 5 containers").isEqualTo(14);
        assertThat(inventory.guest(100).orElseThrow().runtime().ipAddresses()).as("ipconfig0 ip=").containsExactly("10.0.0.101");
        assertThat(inventory.guest(106).orElseThrow().runtime().ipAddresses()).as("net1 on a VLAN gets no lease")
                .containsExactly("10.0.0.107");
        assertThat(inventory.guest(108).orElseThrow().runtime().ipAddresses()).as("ip=dhcp: a lease").containsExactly("10.0.0.236");
        assertThat(inventory.guest(200).orElseThrow().runtime().ipAddresses()).containsExactly("10.0.0.53");
        assertThat(inventory.guest(204).orElseThrow().runtime().ipAddresses()).containsExactly("10.0.0.205");
        assertThat(inventory.guest(109).orElseThrow().runtime().ipAddresses()).as("agent not answering").isEmpty();
        assertThat(inventory.guest(110).orElseThrow().runtime().ipAddresses()).as("stopped").isEmpty();
    }

    @Test
    void readsTheHaStateOfManagedGuests() {
        for (Guest g : inventory.guests()) {
            String expected = spec(g.vmid()).path("ha").path("state").asText("");
            assertThat(g.runtime().haState()).as("%s", g.vmid()).isEqualTo(expected);
        }
        assertThat(inventory.guest(101).orElseThrow().runtime().haState()).isEqualTo("started");
        assertThat(inventory.guest(202).orElseThrow().runtime().haState()).isEqualTo("started");
    }

    private static JsonNode spec(int vmid) {
        for (String kind : new String[] {"templates", "vms", "containers"}) {
            for (JsonNode spec : scenario.path(kind)) {
                if (spec.path("vmid").asInt() == vmid) {
                    return spec;
                }
            }
        }
        throw new AssertionError("no guest " + vmid + " in the scenario");
    }

    /** @return the addresses of a raw agent or container answer that are neither loopback nor link-local. */
    private static List<String> usable(JsonNode answer) {
        List<String> out = new ArrayList<>();
        for (JsonNode iface : answer.has("result") ? answer.get("result") : answer) {
            for (JsonNode a : iface.path("ip-addresses")) {
                String ip = a.get("ip-address").asText();
                if (!ip.startsWith("127.") && !ip.equals("::1") && !ip.startsWith("fe80:")) {
                    out.add(ip);
                }
            }
        }
        return out;
    }

    @Test
    void reportsOneProgressStepPerRequest() {
        assertThat(total.get()).isEqualTo(requests);
        assertThat(steps.get()).isEqualTo(requests);
    }

    @Test
    void readsTheBackupJobsAndTheClusterFacts() {
        JsonNode jobs = scenario.path("backupJobs");
        assertThat(inventory.objects("backup-job")).hasSize(jobs.size());
        for (JsonNode j : jobs) {
            var job = inventory.object("backup-job", "", j.path("id").asText()).orElseThrow();
            assertThat(job.value("schedule")).isEqualTo(j.path("schedule").asText());
            assertThat(job.value("storage")).isEqualTo(j.path("storage").asText());
            assertThat(job.config()).doesNotContainKeys("id", "type", "next-run");
        }
        var status = inventory.object("cluster-status", "", "").orElseThrow();
        assertThat(status.value("version")).matches("\\d+\\.\\d+.*");
        assertThat(status.value("quorate")).isEqualTo("1");
        assertThat(status.value("members")).isEqualTo(Integer.toString(scenario.path("nodes").size()));
        assertThat(status.value("unread")).isEmpty();
    }
}
