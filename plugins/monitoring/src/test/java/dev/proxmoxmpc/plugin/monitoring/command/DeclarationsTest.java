package dev.proxmoxmpc.plugin.monitoring.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proxmoxmpc.plugin.monitoring.cost.CostCommand;
import dev.proxmoxmpc.plugin.monitoring.health.HealthOptions;
import dev.proxmoxmpc.plugin.monitoring.rightsize.RightsizeCommand;
import dev.proxmoxmpc.plugin.monitoring.top.TopCommand;
import dev.proxmoxmpc.spi.command.UsageException;
import dev.proxmoxmpc.spi.state.StateKind;
import dev.proxmoxmpc.spi.testkit.Commands;
import dev.proxmoxmpc.spi.testkit.InMemoryStateStore;
import dev.proxmoxmpc.spi.testkit.SampleInventories;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitoring commands' command lines: checked values, one-line errors, Tab candidates. */
class DeclarationsTest {

    @Test
    void costGroupsAreCheckedAndOffered() {
        assertThatThrownBy(() -> Commands.parse(new CostCommand(), List.of("--by", "disk"))).isInstanceOf(UsageException.class)
                .hasMessage("--by must be one of pool, tag, node, got 'disk'");
        assertThat(Commands.complete(new CostCommand(), null, List.of("--by", ""))).containsExactly("pool", "tag", "node");
    }

    @Test
    void topSortsAreOffered() {
        assertThat(Commands.complete(new TopCommand(), null, List.of("--sort", ""))).containsExactly("cpu", "mem", "io", "net");
    }

    @Test
    void topOffersTheObservedNodes(@TempDir Path root) {
        InMemoryStateStore state = new InMemoryStateStore();
        state.save(StateKind.OBSERVED, SampleInventories.cluster());
        TestKernelContext ctx = TestKernelContext.builder().root(root).state(state).build();
        assertThat(Commands.complete(new TopCommand(), ctx, List.of("--node", ""))).containsExactly("pve1", "pve2");
    }

    @Test
    void rightsizeWindowsAreSpansOfAYearAtMost() {
        assertThatThrownBy(() -> Commands.parse(new RightsizeCommand(), List.of("--since", "7x")))
                .isInstanceOf(UsageException.class).hasMessage("--since must be a span like 30m, 24h, 7d or 2w, got '7x'");
        assertThatThrownBy(() -> Commands.parse(new RightsizeCommand(), List.of("--since", "400d")))
                .isInstanceOf(UsageException.class).hasMessage("--since can reach back a year at most, got '400d'");
    }

    @Test
    void healthRefusesJsonWithNagios() {
        assertThatThrownBy(() -> new HealthOptions(true, true)).isInstanceOf(UsageException.class)
                .hasMessage("--json and --nagios cannot be combined");
    }
}
