package dev.proxmoxmpc.plugin.proxmox.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.Endpoints;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve;
import dev.proxmoxmpc.plugin.proxmox.fake.FakePve.Response;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private final FakePve pve = FakePve.start();

    @AfterEach
    void stop() {
        pve.close();
    }

    /** Counts steps and remembers the largest total. */
    static final class CountingProgress implements Progress {
        final AtomicLong total = new AtomicLong();
        final AtomicLong steps = new AtomicLong();

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
    }

    private void cluster() {
        pve.data("GET", "/cluster/resources", """
                [{"id":"node/pve","type":"node","node":"pve","status":"online","maxcpu":8,"maxmem":34359738368,
                  "maxdisk":100000000000,"uptime":3600,"level":""},
                 {"id":"node/pve2","type":"node","node":"pve2","status":"offline"},
                 {"id":"qemu/100","type":"qemu","vmid":100,"node":"pve","status":"running","name":"web",
                  "pool":"prod","hastate":"started","uptime":120,"template":0},
                 {"id":"qemu/9000","type":"qemu","vmid":9000,"node":"pve","status":"stopped","template":1,"lock":"clone"},
                 {"id":"lxc/101","type":"lxc","vmid":101,"node":"pve","status":"stopped"},
                 {"id":"lxc/102","type":"lxc","vmid":102,"node":"pve","status":"running","uptime":50},
                 {"id":"storage/pve/local","type":"storage","storage":"local","node":"pve"},
                 {"id":"/pool/prod","type":"pool","pool":"prod"}]""");
        pve.data("GET", "/cluster/status", "[{\"type\":\"cluster\",\"name\":\"dogfood\",\"id\":\"cluster\"}]");
        pve.fixture("GET", "/storage", "storage-list.json");
        pve.data("GET", "/pools", "[{\"poolid\":\"prod\",\"comment\":\"production\"}]");
        pve.data("GET", "/nodes/pve/status", "{\"uptime\":3600,\"cpuinfo\":{\"cpus\":8}}");
        pve.data("GET", "/nodes/pve/network", """
                [{"iface":"vmbr0","type":"bridge","bridge_ports":"eno1","cidr":"10.0.0.2/24","autostart":1,
                  "families":["inet"],"active":1}]""");
        pve.data("GET", "/nodes/pve/qemu/100/config", """
                {"name":"web","cores":4,"memory":"8192","cpulimit":"1.50","agent":"1,fstrim_cloned_disks=1",
                 "scsi0":"local-lvm:vm-100-disk-0,size=32G,ssd=1","net0":"virtio=BC:24:11:00:00:01,bridge=vmbr0",
                 "ipconfig0":"ip=10.0.0.5/24,gw=10.0.0.1","x-future-key":"kept",
                 "digest":"0123456789abcdef0123456789abcdef01234567"}""");
        pve.data("GET", "/nodes/pve/qemu/100/agent/network-get-interfaces", """
                {"result":[{"name":"lo","ip-addresses":[{"ip-address":"127.0.0.1","ip-address-type":"ipv4","prefix":8}]},
                 {"name":"eth0","ip-addresses":[{"ip-address":"10.0.0.5","ip-address-type":"ipv4","prefix":24},
                 {"ip-address":"fe80::1","ip-address-type":"ipv6","prefix":64}]}]}""");
        pve.data("GET", "/nodes/pve/qemu/9000/config", "{\"name\":\"tpl\",\"template\":1,\"digest\":\"aa\"}");
        pve.data("GET", "/nodes/pve/lxc/101/config", """
                {"hostname":"ct","memory":512,"swap":512,"rootfs":"local-lvm:subvol-101-disk-0,size=8G",
                 "net0":"name=eth0,bridge=vmbr0,hwaddr=BC:24:11:00:00:02,ip=dhcp,type=veth","digest":"bb"}""");
    }

    private void runningContainer() {
        pve.data("GET", "/nodes/pve/lxc/102/config", "{\"hostname\":\"ct2\",\"digest\":\"cc\"}");
        pve.data("GET", "/nodes/pve/lxc/102/interfaces", """
                [{"name":"lo","inet":"127.0.0.1/8"},{"name":"eth0","hwaddr":"bc:24:11:00:00:03","inet":"10.0.0.60/24",
                  "inet6":"fe80::be24:11ff:fe00:3/64"}]""");
    }

    private Inventory discover(Progress p) {
        return new Discovery(new PveClient(Endpoints.token(pve.url(), pve.fingerprint())), 4).discover(p);
    }

    @Test
    void mapsEveryResourceAndKeepsConfigValuesAsTheServerWroteThem() {
        cluster();
        runningContainer();
        Inventory inv = discover(Progress.NONE);

        assertThat(inv.cluster()).isEqualTo("dogfood");
        assertThat(inv.nodes()).extracting(n -> n.name() + "/" + n.status()).containsExactly("pve/online", "pve2/offline");
        assertThat(inv.storages()).extracting(s -> s.id() + ":" + s.type()).contains("local-lvm:lvmthin", "local:dir");
        assertThat(inv.storages().get(0).config()).doesNotContainKey("digest");
        assertThat(inv.pools()).extracting(p -> p.id() + "=" + p.comment()).containsExactly("prod=production");
        assertThat(inv.networks()).singleElement().satisfies(n -> {
            assertThat(n.iface()).isEqualTo("vmbr0");
            assertThat(n.config()).containsEntry("bridge_ports", "eno1").containsEntry("autostart", "1").containsEntry("families", "inet");
        });

        VirtualMachine web = (VirtualMachine) inv.guest(100).orElseThrow();
        assertThat(web.config()).containsEntry("cores", "4").containsEntry("memory", "8192").containsEntry("cpulimit", "1.50")
                .containsEntry("x-future-key", "kept").doesNotContainKey("digest").hasSize(9);
        assertThat(web.pool()).isEqualTo("prod");
        assertThat(web.status()).isEqualTo(PowerState.RUNNING);
        assertThat(web.runtime().haState()).isEqualTo("started");
        assertThat(web.runtime().uptimeSeconds()).isEqualTo(120);
        assertThat(web.runtime().digest()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(web.runtime().ipAddresses()).containsExactly("10.0.0.5");
        assertThat(web.disks().get(0).ssd()).isTrue();
        assertThat(web.ipConfigList().get(0).gateway()).isEqualTo("10.0.0.1");

        VirtualMachine tpl = (VirtualMachine) inv.guest(9000).orElseThrow();
        assertThat(tpl.template()).isTrue();
        assertThat(tpl.runtime().lock()).isEqualTo("clone");

        assertThat(inv.guest(102).orElseThrow().runtime().ipAddresses()).containsExactly("10.0.0.60");
        Container ct = (Container) inv.guest(101).orElseThrow();
        assertThat(ct.config()).containsEntry("memory", "512");
        assertThat(ct.nics().get(0).mac()).isEqualTo("BC:24:11:00:00:02");
    }

    @Test
    void readsOnlyOnlineNodesAndAsksTheAgentOnlyForRunningVmsWithItEnabled() {
        cluster();
        runningContainer();
        discover(Progress.NONE);
        assertThat(pve.requests("GET", "/nodes/pve2/network")).isEmpty();
        assertThat(pve.requests("GET", "/nodes/pve/qemu/9000/agent/network-get-interfaces")).isEmpty();
        assertThat(pve.requests("GET", "/nodes/pve/qemu/100/agent/network-get-interfaces")).hasSize(1);
        assertThat(pve.requests("GET", "/cluster/resources")).hasSize(1);
    }

    @Test
    void countsEveryRequestInTheProgress() {
        cluster();
        runningContainer();
        CountingProgress p = new CountingProgress();
        discover(p);
        long requests = pve.requests().size();
        assertThat(p.total.get()).isEqualTo(requests);
        assertThat(p.steps.get()).isEqualTo(requests);
    }

    @Test
    void toleratesAGuestAgentThatDoesNotAnswer() {
        cluster();
        runningContainer();
        pve.on("GET", "/nodes/pve/qemu/100/agent/network-get-interfaces",
                r -> Response.error(500, "QEMU guest agent is not running\n"));
        Inventory inv = discover(Progress.NONE);
        assertThat(inv.guest(100).orElseThrow().runtime().ipAddresses()).isEmpty();
        assertThat(pve.requests("GET", "/nodes/pve/qemu/100/agent/network-get-interfaces")).hasSize(1);
    }

    @Test
    void readsEachAddressOnceFromAPve9ContainerAnswerThatListsThemTwice() {
        cluster();
        pve.data("GET", "/nodes/pve/lxc/102/config", "{\"hostname\":\"ct2\",\"digest\":\"cc\"}");
        pve.data("GET", "/nodes/pve/lxc/102/interfaces", """
                [{"name":"lo","hwaddr":"00:00:00:00:00:00","hardware-address":"00:00:00:00:00:00","inet":"127.0.0.1/8",
                  "inet6":"::1/128","ip-addresses":[{"ip-address-type":"ipv4","ip-address":"127.0.0.1","prefix":8}]},
                 {"name":"eth0","hwaddr":"bc:24:11:00:00:03","hardware-address":"bc:24:11:00:00:03","inet":"10.0.0.60/24",
                  "inet6":"fe80::be24:11ff:fe00:3/64","ip-addresses":[
                   {"ip-address-type":"ipv4","ip-address":"10.0.0.60","prefix":24},
                   {"ip-address-type":"ipv6","ip-address":"2001:db8::60","prefix":64},
                   {"ip-address-type":"ipv6","ip-address":"fe80::be24:11ff:fe00:3","prefix":64}]}]""");
        Inventory inv = discover(Progress.NONE);
        assertThat(inv.guest(102).orElseThrow().runtime().ipAddresses()).containsExactly("10.0.0.60", "2001:db8::60");
    }

    @Test
    void aContainerThatStoppedSinceTheListingHasNoAddresses() {
        cluster();
        pve.data("GET", "/nodes/pve/lxc/102/config", "{\"hostname\":\"ct2\",\"digest\":\"cc\"}");
        pve.data("GET", "/nodes/pve/lxc/102/interfaces", "null");
        Inventory inv = discover(Progress.NONE);
        assertThat(inv.guest(102).orElseThrow().runtime().ipAddresses()).isEmpty();
    }

    @Test
    void stopsAskingGuestAgentsOnceTheServerSaysTheCallIsNotImplemented() {
        StringBuilder rows = new StringBuilder("[{\"id\":\"node/pve\",\"type\":\"node\",\"node\":\"pve\",\"status\":\"online\"}");
        for (int vmid = 100; vmid < 105; vmid++) {
            rows.append(",{\"type\":\"qemu\",\"vmid\":").append(vmid).append(",\"node\":\"pve\",\"status\":\"running\"}");
            pve.data("GET", "/nodes/pve/qemu/" + vmid + "/config", "{\"agent\":\"1\"}");
        }
        pve.data("GET", "/cluster/resources", rows.append("]").toString());
        pve.data("GET", "/cluster/status", "[]");
        pve.data("GET", "/storage", "[]");
        pve.data("GET", "/pools", "[]");
        pve.data("GET", "/nodes/pve/status", "{}");
        pve.data("GET", "/nodes/pve/network", "[]");
        CountingProgress p = new CountingProgress();
        Inventory inv = new Discovery(new PveClient(Endpoints.token(pve.url(), pve.fingerprint())), 1).discover(p);
        assertThat(inv.guests()).hasSize(5);
        long agentCalls = pve.requests().stream().filter(r -> r.path().endsWith("/agent/network-get-interfaces")).count();
        assertThat(agentCalls).isEqualTo(1);
        assertThat(p.total.get()).isEqualTo(pve.requests().size());
    }

    @Test
    void mapsTheRecordedFourNodeClusterResources() {
        pve.fixture("GET", "/cluster/resources", "cluster-resources-all.json");
        pve.data("GET", "/cluster/status", "[]");
        pve.data("GET", "/storage", "[]");
        pve.data("GET", "/pools", "[]");
        var body = dev.proxmoxmpc.plugin.proxmox.fake.Fixtures.responseBody("cluster-resources-all.json", "GET",
                "/api2/json/cluster/resources").path("data");
        long guests = 0;
        for (var r : body) {
            String type = r.path("type").asText();
            String node = r.path("node").asText();
            if (type.equals("node")) {
                pve.data("GET", "/nodes/" + node + "/status", "{}");
                pve.data("GET", "/nodes/" + node + "/network", "[]");
            } else if (type.equals("qemu") || type.equals("lxc")) {
                guests++;
                pve.data("GET", "/nodes/" + node + "/" + type + "/" + r.path("vmid").asText() + "/config", "{\"cores\":1}");
            }
        }
        Inventory inv = discover(Progress.NONE);
        long nodes = 0;
        for (var r : body) {
            nodes += r.path("type").asText().equals("node") ? 1 : 0;
        }
        assertThat(inv.nodes()).hasSize((int) nodes);
        assertThat(inv.guests()).hasSize((int) guests);
    }
}
