package dev.proxmoxmpc.plugin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.provider.ProviderException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The performance checks over RRD data: p95 of cpu and mem/maxmem, and skips (never failures) when data is missing. */
class UsageCheckTest {
    @TempDir
    Path root;

    private static List<Map<String, Object>> series(double cpuHigh, int highSamples) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double cpu = i < highSamples ? cpuHigh : 0.10;
            rows.add(Map.of("time", 1_700_000_000L + i * 60L, "cpu", cpu, "maxcpu", 2, "mem", 2_000_000_000L, "maxmem", 4_294_967_296L));
        }
        rows.add(Map.of("time", 1_700_010_000L));
        return rows;
    }

    @Test
    void aBusyGuestWarnsAndAQuietOnePasses() {
        Project p = new Project(root, Fixtures.healthy());
        p.server.answer("/nodes/pve1/qemu/100/rrddata", series(0.97, 10));
        p.server.answer("/nodes/pve2/qemu/101/rrddata", series(0.97, 4));
        p.server.answer("/nodes/pve1/lxc/200/rrddata", series(0.2, 0));
        p.run("test tests/performance");
        assertThat(p.all()).contains("WARN web-01 cpu p95: expected at most 90 % over the last week, actual 97 %")
                .doesNotContain("WARN web-02").doesNotContain("memory p95: expected");
        assertThat(p.console.output()).contains("5 passed, 0 failed, 0 skipped", "1 warning");
        assertThat(p.server.reads()).contains("/nodes/pve1/qemu/100/rrddata?{cf=MAX, timeframe=week}");
    }

    @Test
    void withoutRrddataWithoutPrivilegeOrWithTheNodeUnreachableTheCheckIsSkipped() {
        Project p = new Project(root, Fixtures.healthy());
        p.server.fail("/nodes/pve2/qemu/101/rrddata", new ProviderException(ProviderException.Kind.PERMISSION, "permission denied: lacks VM.Audit"));
        p.server.fail("/nodes/pve1/lxc/200/rrddata", new ProviderException(ProviderException.Kind.CONNECTION,
                "the cluster could not reach the target node (595)"));
        p.run("test tests/performance");
        assertThat(p.console.output()).contains("SKIP web-01 cpu p95 (the server does not offer this",
                "SKIP web-02 cpu p95 (the token lacks the privilege: permission denied",
                "SKIP dns memory p95 (unreachable: the cluster could not reach the target node (595))",
                "0 passed, 0 failed, 6 skipped");
    }
}
