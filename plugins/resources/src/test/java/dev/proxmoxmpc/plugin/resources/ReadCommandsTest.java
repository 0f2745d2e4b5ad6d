package dev.proxmoxmpc.plugin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.resources.command.ListNetworksCommand;
import dev.proxmoxmpc.plugin.resources.command.ListStorageCommand;
import dev.proxmoxmpc.plugin.resources.view.GuestDescription;
import dev.proxmoxmpc.plugin.resources.view.GuestList;
import dev.proxmoxmpc.spi.command.CommandResult;
import dev.proxmoxmpc.spi.command.ExitCode;
import dev.proxmoxmpc.spi.state.StateKind;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list and describe read local state, say how old it is, and only --refresh reads the server. */
class ReadCommandsTest {
    @TempDir
    Path root;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(root);
    }

    @Test
    void listVmsShowsServerStatusPendingWorkAndTheAgeOfTheState() {
        f.run("create vm --name web-01 --tags web");
        f.run("scale vm old-01 --cores 4");

        f.run("list vms");

        assertThat(f.console.tables()).last().satisfies(t -> {
            assertThat(t.rows()).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(3) + " " + r.get(8))
                    .containsExactly("100 old-01 running change", "101 web-01 - create", "9000 ubuntu-2404 template ");
        });
        assertThat(f.console.output()).contains("3 vms (1 of them template), 2 with pending changes").contains("last synced 5 minutes ago (2026-11-25T20:55:00Z)");
        assertThat(f.nextIdCalls.get()).isEqualTo(1);
    }

    @Test
    void listFiltersByNodeStatusAndTagAndPrintsJson() {
        f.run("create vm --name web-01 --tags web --node pve2");
        f.console.jsonRequested(true);

        f.run("list vms --tag web");
        f.run("list vms --status template");
        f.run("list vms --node pve1 --status running");

        assertThat(f.console.jsonValues()).hasSize(3).allSatisfy(v -> assertThat(v).isInstanceOf(GuestList.class));
        assertThat(((GuestList) f.console.jsonValues().get(0)).guests()).extracting(g -> g.name()).containsExactly("web-01");
        assertThat(((GuestList) f.console.jsonValues().get(1)).guests()).extracting(g -> g.vmid()).containsExactly(9000);
        assertThat(((GuestList) f.console.jsonValues().get(2)).guests()).extracting(g -> g.vmid()).containsExactly(100);
    }

    @Test
    void aNodeFilterThatNamesNoNodeSuggestsTheNodes() {
        f.run("list vms --node pve9");

        assertThat(f.console.output()).contains("No vms match: there is no node 'pve9' (nodes: pve1, pve2).");
        f.run("list vms --node pve2");
        assertThat(f.console.output()).contains("No vms match.");
    }

    @Test
    void describeCutsLongValuesSoTheServerColumnStaysNear() {
        f.run("update vm old-01 --description " + "d".repeat(200));

        f.run("describe vm 100");

        assertThat(f.console.tables()).last().satisfies(t -> assertThat(t.rows()).allSatisfy(r ->
                assertThat(r.get(1).length()).isLessThanOrEqualTo(48)));
        assertThat(f.console.output()).contains("d".repeat(45) + "...", "--json shows them whole");
    }

    @Test
    void listContainersShowsOnlyContainers() {
        f.run("list containers");

        assertThat(f.console.tables()).last().satisfies(t -> assertThat(t.rows()).extracting(r -> r.get(1)).containsExactly("dns-01"));
    }

    @Test
    void refreshReadsTheServerIntoObservedState() {
        f.state.save(StateKind.OBSERVED, dev.proxmoxmpc.spi.model.Inventory.empty());

        CommandResult r = f.run("list vms --refresh");

        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(f.state.load(StateKind.OBSERVED).guests()).hasSize(3);
        assertThat(f.console.output()).contains("server state refreshed just now");
    }

    @Test
    void refreshWithTheServerDownIsOneLine() {
        f.nextId.set(-1);

        CommandResult r = f.run("describe vm 100 --refresh");

        assertThat(r.succeeded()).isFalse();
        assertThat(f.console.errors()).isEqualTo("error: cannot refresh from the server: connection refused: 127.0.0.1:8006");
    }

    @Test
    void describeShowsDesiredBesideServerValues() {
        f.run("scale vm old-01 --memory 8192");
        f.console.jsonRequested(true);

        f.run("describe vm old-01");

        GuestDescription d = (GuestDescription) f.console.jsonValues().get(f.console.jsonValues().size() - 1);
        assertThat(d.pending()).isEqualTo("change");
        assertThat(d.serverStatus()).isEqualTo("running");
        assertThat(d.config()).containsEntry("memory", "8192");
        assertThat(d.differences()).extracting(x -> x.describe()).containsExactly("~ memory: 4096 -> 8192");
        assertThat(d.freshness()).contains("last synced 5 minutes ago");
    }

    @Test
    void describeShowsEveryKeyWithTheServerValueWhereItDiffers() {
        f.run("update vm old-01 --memory 8192 --agent");

        f.run("describe vm 100");

        assertThat(f.console.output()).contains("vm 100 old-01 on pve1, pool prod", "desired: running   server: running",
                "memory\t8192\t4096", "agent\t1\t(absent)", "cores\t2\t", "pending: change");
    }

    @Test
    void describeFindsAGuestOnlyOnTheServerAsPendingDelete() {
        f.console.yes(true);
        f.run("delete container dns-01");

        f.run("describe container 200");

        assertThat(f.console.output()).contains("container 200 dns-01 on pve1").contains("pending: delete");
    }

    @Test
    void aJustFinishedSyncIsZeroSecondsOld() {
        Fixture fresh = new Fixture(root.resolve("other"));
        fresh.state.recordSyncRun(new dev.proxmoxmpc.spi.state.SyncRun(Fixture.NOW, "default", 0, 0, 0, 0, 0));

        fresh.run("list storage");

        assertThat(fresh.console.output()).contains("last synced 0 seconds ago");
    }

    @Test
    void listNetworksAndStorageIncludeWhatCommandsAdded() {
        f.run("create network --name vmbr2 --ports eth1 --vlan-aware");
        f.run("create storage --name backup-nfs --type nfs --server 10.0.0.20 --export /srv/backup --content backup");
        f.console.jsonRequested(true);

        f.run("list networks --node pve1");
        f.run("list storage");

        ListNetworksCommand.Result nets = (ListNetworksCommand.Result) f.console.jsonValues().get(0);
        assertThat(nets.networks()).extracting(n -> n.iface() + ":" + n.pending())
                .containsExactly("eth0:", "eth1:", "vmbr0:", "vmbr1:", "vmbr2:create");
        ListStorageCommand.Result st = (ListStorageCommand.Result) f.console.jsonValues().get(1);
        assertThat(st.storages()).extracting(s -> s.id() + ":" + s.location() + ":" + s.pending())
                .containsExactly("backup-nfs:10.0.0.20:/srv/backup:create", "local:/var/lib/vz:", "local-lvm:pve/data:");
    }

    @Test
    void listStorageShowsEachNodesUseAndCapacityFromTheServer() {
        f.run("list storage");
        assertThat(f.console.output()).contains("USED").contains("pve1 13%, pve2 50%").contains("pve1 50G/200G 25%")
                .contains("use and capacity read from the server now");

        f.console.jsonRequested(true);
        f.run("list storage");
        ListStorageCommand.Result st = (ListStorageCommand.Result) f.console.jsonValues().get(0);
        assertThat(st.usageNote()).isEmpty();
        assertThat(st.storages()).filteredOn(r -> r.id().equals("local")).singleElement()
                .satisfies(r -> assertThat(r.usage()).extracting(u -> u.node() + ":" + u.percent()).containsExactly("pve1:13", "pve2:50"));
    }

    @Test
    void listStorageWithoutTheServerSaysWhyUseIsMissing() {
        f.run("list storage --offline");
        assertThat(f.console.output()).contains("use and capacity not asked (--offline)");
        f.nextId.set(-1); // the server cannot be reached
        f.run("list storage");
        assertThat(f.console.output()).contains("use and capacity not shown: connection refused");
        assertThat(f.console.errors()).doesNotContain("Exception");
    }
}
