package dev.proxmoxmpc.plugin.monitoring.top;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.testkit.Commands;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopSnapshotTest {

    private static Map<String, Object> guest(int vmid, String node, double cpu, long uptime, long netin) {
        return Map.ofEntries(Map.entry("type", "qemu"), Map.entry("vmid", vmid), Map.entry("name", "vm" + vmid),
                Map.entry("node", node), Map.entry("status", "running"), Map.entry("template", 0), Map.entry("cpu", cpu),
                Map.entry("maxcpu", 2), Map.entry("mem", 1024L), Map.entry("maxmem", 4096L), Map.entry("uptime", uptime),
                Map.entry("netin", netin), Map.entry("netout", netin / 2), Map.entry("diskread", netin * 2),
                Map.entry("diskwrite", 0L));
    }

    private static Sample sample(long nanos, long uptime, long netin100, long netin101) {
        List<Object> rows = List.of(
                Map.of("type", "node", "node", "pve1", "status", "online", "cpu", 0.1, "maxcpu", 32, "mem", 10L, "maxmem", 100L),
                Map.of("type", "node", "node", "pve2", "status", "online", "cpu", 0.2, "maxcpu", 32, "mem", 20L, "maxmem", 100L),
                guest(100, "pve1", 0.1, uptime, netin100), guest(101, "pve2", 0.9, uptime, netin101),
                Map.of("type", "qemu", "vmid", 9000, "template", 1, "node", "pve1", "status", "stopped"),
                Map.of("type", "storage", "storage", "local", "node", "pve1"));
        return Sample.of(new ApiData(rows), nanos);
    }

    @Test
    void ratesComeFromTheCounterChangeOverTheGuestsUptimeChange() {
        TopSnapshot s = TopSnapshot.of(sample(0, 100, 10_000, 0), sample(2_000_000_000L, 102, 12_000, 8_000), "", "cpu");
        assertThat(s.nodes()).extracting(TopSnapshot.NodeLine::node).containsExactly("pve1", "pve2");
        assertThat(s.guests()).extracting(TopSnapshot.GuestLine::vmid).as("busiest first, template left out")
                .containsExactly(101, 100);
        TopSnapshot.GuestLine web = s.guests().get(1);
        assertThat(web.netin()).isEqualTo(1000);
        assertThat(web.netout()).isEqualTo(500);
        assertThat(web.diskread()).isEqualTo(2000);
        assertThat(s.nodes().get(0).netin()).as("a node's rate sums its guests").isEqualTo(1000);
        assertThat(s.intervalSeconds()).isEqualTo(2.0);
    }

    @Test
    void aCounterThatWentDownIsARestartNotANegativeRate() {
        TopSnapshot s = TopSnapshot.of(sample(0, 100, 10_000, 5_000), sample(1_000_000_000L, 3, 300, 6_000), "", "net");
        assertThat(s.guests()).filteredOn(g -> g.vmid() == 100).extracting(TopSnapshot.GuestLine::netin).containsExactly(0L);
    }

    @Test
    void filtersByNodeAndSortsByNetwork() {
        TopSnapshot s = TopSnapshot.of(sample(0, 100, 0, 0), sample(1_000_000_000L, 101, 10, 100), "pve1", "net");
        assertThat(s.nodes()).extracting(TopSnapshot.NodeLine::node).containsExactly("pve1");
        assertThat(s.guests()).extracting(TopSnapshot.GuestLine::vmid).containsExactly(100);
    }

    @Test
    void optionsRefuseAnUnknownSortAndAZeroInterval() {
        assertThat(Commands.parse(new TopCommand(), List.of("--once", "--sort", "mem")).options(false)).isEqualTo(
                new TopOptions("", "mem", true, false, java.time.Duration.ofSeconds(2)));
        assertThatThrownBy(() -> Commands.parse(new TopCommand(), List.of("--sort", "disk"))).isInstanceOf(UsageException.class)
                .hasMessage("--sort must be one of cpu, mem, io, net, got 'disk'");
        assertThatThrownBy(() -> Commands.parse(new TopCommand(), List.of("--interval", "0"))).isInstanceOf(UsageException.class);
    }

    @Test
    void theScreenHasTheTablesAndTheKeysOnItsLastLine() {
        TopSnapshot s = TopSnapshot.of(sample(0, 100, 0, 0), sample(1_000_000_000L, 101, 10, 100), "", "cpu");
        List<String> lines = TopView.screen(s, "proxmox-mpc top", 20);
        assertThat(lines).hasSize(20);
        assertThat(lines.get(2)).startsWith("NODE");
        assertThat(lines).anyMatch(l -> l.matches("101 +vm101 +qemu +pve2 +running +90.0% of 2 .*"));
        assertThat(lines.get(19)).startsWith("q quit");
    }
}
