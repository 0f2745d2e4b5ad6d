package dev.proxmoxmpc.plugin.monitoring.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.monitoring.settings.Settings;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostReportTest {
    /** The config.yml section as the kernel hands it over (YAML numbers, a list of nodes). */
    private static final Map<String, Object> MONITORING = Map.of("cost", Map.of("currency", "EUR", "core_month", 8,
            "memory_gib_month", 2.5, "disk_gib_month", "0.05",
            "node_classes", Map.of("large", Map.of("nodes", List.of("pve2"), "core_month", 10))));

    private static final List<Guest> GUESTS = List.of(
            // running on pve1: 2 vCPUs, 4 GiB, 32 GiB disk + a cloud-init drive (no size)
            new VirtualMachine(100, "pve1", "production", PowerState.RUNNING, Map.of("name", "web-01", "cores", "2",
                    "memory", "4096", "scsi0", "local-lvm:vm-100-disk-0,size=32G", "ide2", "local-lvm:vm-100-cloudinit,media=cdrom",
                    "tags", "prod;web"), GuestRuntime.NONE),
            // running on pve2 (class large): 2 sockets x 2 cores, 8 GiB, 40 + 10 GiB
            new VirtualMachine(104, "pve2", "production", PowerState.RUNNING, Map.of("name", "app-01", "cores", "2",
                    "sockets", "2", "memory", "8192", "scsi0", "local-lvm:vm-104-disk-0,size=40G",
                    "scsi1", "local-lvm:vm-104-disk-1,size=10G", "tags", "app;prod"), GuestRuntime.NONE),
            // stopped: disk only
            new VirtualMachine(110, "pve2", "", PowerState.STOPPED, Map.of("name", "staging-web", "cores", "2",
                    "memory", "2048", "scsi0", "local-lvm:vm-110-disk-0,size=32G"), GuestRuntime.NONE),
            // running container on pve1: 1 core, 1 GiB, 8 GiB
            new Container(200, "pve1", "", PowerState.RUNNING, Map.of("hostname", "dns-01", "cores", "1", "memory", "1024",
                    "rootfs", "local-lvm:subvol-200-disk-0,size=8G", "tags", "dns"), GuestRuntime.NONE));

    private static CostReport report(String by) {
        CostModel model = CostModel.from(new Settings(MONITORING)).orElseThrow();
        return CostReport.of("default", model, GUESTS, by);
    }

    @Test
    void totalsMatchTheHandComputedFigure() {
        // web-01:      2*8  + 4*2.5 + 32*0.05        = 16 + 10 + 1.6  = 27.60
        // app-01:      4*10 + 8*2.5 + 50*0.05        = 40 + 20 + 2.5  = 62.50
        // staging-web: stopped, 32*0.05                              =  1.60
        // dns-01:      1*8  + 1*2.5 + 8*0.05         =  8 + 2.5 + 0.4 = 10.90
        CostReport r = report("pool");
        assertThat(r.guests()).extracting(CostReport.GuestCost::monthly).containsExactly(27.6, 62.5, 1.6, 10.9);
        assertThat(r.total()).isEqualTo(102.6);
        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.groups()).containsExactly(new CostReport.GroupCost("(no pool)", 2, 12.5),
                new CostReport.GroupCost("production", 2, 90.1));
    }

    @Test
    void groupsByNodeAndByTagWhereAGuestCountsUnderEachTag() {
        assertThat(report("node").groups()).containsExactly(new CostReport.GroupCost("pve1", 2, 38.5),
                new CostReport.GroupCost("pve2", 2, 64.1));
        assertThat(report("tag").groups()).containsExactly(new CostReport.GroupCost("(no tag)", 1, 1.6),
                new CostReport.GroupCost("app", 1, 62.5), new CostReport.GroupCost("dns", 1, 10.9),
                new CostReport.GroupCost("prod", 2, 90.1), new CostReport.GroupCost("web", 1, 27.6));
    }

    @Test
    void noModelIsEmptyAndABadPriceNamesItsKey() {
        assertThat(CostModel.from(new Settings(Map.of()))).isEmpty();
        assertThatThrownBy(() -> CostModel.from(new Settings(Map.of("cost", Map.of("core_month", "cheap")))))
                .hasMessage("generators.monitoring.cost.core_month must be a number, got 'cheap'");
    }
}
