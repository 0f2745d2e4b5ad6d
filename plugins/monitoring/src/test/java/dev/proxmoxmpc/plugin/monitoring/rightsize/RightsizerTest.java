package dev.proxmoxmpc.plugin.monitoring.rightsize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class RightsizerTest {
    private static final long GIB = 1L << 30;
    private final Rightsizer sizer = new Rightsizer(0.3, 0.9);

    private static GuestUsage vm(int cpus, long memory, IntFunction<GuestUsage.Point> point) {
        List<GuestUsage.Point> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(point.apply(i));
        }
        return new GuestUsage(102, "db-01", "qemu", "pve1", cpus, memory, points);
    }

    @Test
    void recommendsLessMemoryAndFewerCoresForAnOversizedVm() {
        // p95 of memory: 2 GiB (95 of 100 samples at or below), CPU p95 0.05 of 4 cores = 0.2 cores
        Recommendation r = sizer.recommend(vm(4, 16 * GIB, i -> new GuestUsage.Point(i, i < 95 ? 0.05 : 0.5,
                i < 95 ? 2.0 * GIB : 8.0 * GIB, 3.0 * GIB)));
        assertThat(r.verdict()).isEqualTo("oversized");
        assertThat(r.memoryP95MiB()).isEqualTo(2048);
        assertThat(r.recommendedMemoryMiB()).as("2048 MiB + 30% rounded up to 256 MiB").isEqualTo(2816);
        assertThat(r.recommendedCores()).isEqualTo(1);
        assertThat(r.command()).isEqualTo("scale vm 102 --cores 1 --memory 2816");
    }

    @Test
    void recommendsMoreForASaturatedVm() {
        Recommendation r = sizer.recommend(vm(4, 8 * GIB, i -> new GuestUsage.Point(i, 0.97, 7.8 * GIB, 8.0 * GIB)));
        assertThat(r.verdict()).isEqualTo("saturated");
        assertThat(r.recommendedCores()).isEqualTo(6);
        assertThat(r.recommendedMemoryMiB()).isEqualTo(12288);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("CPU p95 at 97%"));
    }

    @Test
    void keepsASizeThatWouldSaveLessThanAQuarter() {
        Recommendation r = sizer.recommend(vm(2, 4 * GIB, i -> new GuestUsage.Point(i, 0.5, 2.6 * GIB, 3.0 * GIB)));
        assertThat(r.verdict()).isEqualTo("ok");
        assertThat(r.recommendedCores()).isEqualTo(2);
        assertThat(r.recommendedMemoryMiB()).isEqualTo(4096);
        assertThat(r.command()).isEmpty();
    }

    @Test
    void doesNotSizeMemoryFromTheHostsViewOfAVmWithoutBalloonDriver() {
        Recommendation r = sizer.recommend(vm(4, 8 * GIB, i -> new GuestUsage.Point(i, 0.6, 7.9 * GIB, 7.9 * GIB)));
        assertThat(r.memorySource()).isEqualTo("host");
        assertThat(r.recommendedMemoryMiB()).isEqualTo(8192);
        assertThat(r.verdict()).isEqualTo("ok");
    }

    @Test
    void aContainerWithoutSamplesHasNoData() {
        Recommendation r = sizer.recommend(new GuestUsage(200, "dns-01", "lxc", "pve1", 1, GIB, List.of()));
        assertThat(r.verdict()).isEqualTo("no-data");
        assertThat(r.command()).isEmpty();
    }

    @Test
    void sumsWhatEachNodeWouldGetBack() {
        Recommendation a = sizer.recommend(vm(4, 16 * GIB, i -> new GuestUsage.Point(i, 0.05, 2.0 * GIB, 3.0 * GIB)));
        RightsizeReport report = RightsizeReport.of("7d", "week", 0.3, List.of(a));
        assertThat(report.nodes()).containsExactly(new RightsizeReport.NodeFrees("pve1", 3, 16384 - 2816));
    }

    @Test
    void p95IsTheNearestRank() {
        double[] v = new double[20];
        for (int i = 0; i < 20; i++) {
            v[i] = 20 - i;
        }
        assertThat(Rightsizer.p95(v)).isEqualTo(19);
    }
}
