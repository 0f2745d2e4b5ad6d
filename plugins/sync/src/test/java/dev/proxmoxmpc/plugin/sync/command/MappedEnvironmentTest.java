package dev.proxmoxmpc.plugin.sync.command;

import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.inventory;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.node;
import static dev.proxmoxmpc.plugin.sync.fake.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;
import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.kernel.ProjectConfig;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /sync and /plan for an environment whose nodes are mapped: the shared desired state keeps the project's names. */
class MappedEnvironmentTest {
    @TempDir
    Path root;

    static ProjectConfig production() {
        EnvironmentMapping m = new EnvironmentMapping(Map.of("pve1", "prod1"), Map.of(), Map.of(), Map.of(), Map.of());
        EnvironmentConfig prod = new EnvironmentConfig("production", "proxmox", "https://prod:8006", "", "root@pam!mpc", "",
                "", "", false, m);
        return new ProjectConfig("production", Map.of("production", prod), "prefer-server", 4, Map.of());
    }

    static Inventory prodServer(Guest... guests) {
        Inventory lab = inventory(guests);
        return new Inventory("prod", List.of(node("prod1")), lab.guests(), lab.storages(),
                List.of(new Network("prod1", "vmbr0", "bridge", Map.of("autostart", "1", "bridge_ports", "eno1"))), lab.pools());
    }

    @Test
    void syncKeepsTheProjectsNodeNamesAndAdoptsNothingOnlyThatServerHas() {
        Harness h = new Harness(root, prodServer(vm(101, "web").withNode("prod1"), vm(900, "theirs").withNode("prod1")),
                production());
        h.state.save(StateKind.DESIRED, inventory(vm(101, "web")));

        assertThat(h.run("sync").exitCode()).as(h.all()).isEqualTo(ExitCode.OK);

        Inventory desired = h.state.load(StateKind.DESIRED);
        assertThat(desired.guest(101)).map(Guest::node).contains("pve1");
        assertThat(desired.guest(900)).isEmpty();
        assertThat(h.all()).contains("1 guests only on its server stay out of the shared desired state");

        int seen = h.console.output().length();
        assertThat(h.run("plan").exitCode()).as(h.all()).isEqualTo(ExitCode.OK);
        String plan = h.console.output().substring(seen);
        assertThat(plan).as(h.all()).doesNotContain("- vm/900").contains("unmanaged").doesNotContain("vm/101");
    }

    @Test
    void aNeverSyncedEnvironmentReadsItsServerAndListsWhatOnlyItHasAsUnmanaged() {
        Harness h = new Harness(root, prodServer(vm(900, "theirs").withNode("prod1")), production());
        h.state.save(StateKind.DESIRED, inventory(vm(101, "web")));

        assertThat(h.run("plan").exitCode()).as(h.all()).isEqualTo(ExitCode.CHANGES_PENDING);

        assertThat(h.console.output()).as(h.all()).contains("+ vm/101 web").contains("+ node = prod1")
                .doesNotContain("- vm/900").contains("vm/900 theirs: unmanaged").doesNotContain("/sync adopts it").containsPattern("Plan: \\d+ to create, 0 to update, 0 to replace, 0 to delete\\.");
    }

    @Test
    void aChangeOnTheMappedServerIsMergedBackInTheProjectsNames() {
        Harness h = new Harness(root, prodServer(vm(101, "web").withNode("prod1")), production());
        h.state.save(StateKind.DESIRED, inventory(vm(101, "web")));
        h.run("sync");
        h.server.edit(vm(101, "web", Map.of("cores", "6")).withNode("prod1"));

        h.run("sync");

        Guest web = h.state.load(StateKind.DESIRED).guest(101).orElseThrow();
        assertThat(web.node()).isEqualTo("pve1");
        assertThat(web.value("cores")).isEqualTo("6");
    }
}
