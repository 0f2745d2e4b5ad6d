package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The targeted read of a live /plan against the simulator over HTTPS: which guest configs it reads (counted on the
 * client), and that what the server changed is seen: a touched guest's config, a guest moved or deleted, and a guest
 * whose {@code /cluster/resources} summary changed. A full read reads every config.
 */
class TargetedDiscoveryIT {
    private static final Pattern CONFIG = Pattern.compile("/nodes/[^/]+/(qemu|lxc)/(\\d+)/config");

    private final SimulatorServer server = Simulators.demo();
    @TempDir
    Path cacheDir;

    @AfterEach
    void stop() {
        server.close();
    }

    /** A discovery in a new session with the environment's cache directory; @return what it read and the configs it asked for */
    private record Read(Inventory inventory, Set<Integer> configs) {}

    private Read read(Inventory known, Set<Integer> mustRead) {
        Set<Integer> configs = new TreeSet<>();
        try (ProxmoxSession session = Simulators.session(server, cacheDir)) {
            session.client().onRequest((method, path) -> {
                Matcher m = CONFIG.matcher(path);
                if (method.equals("GET") && m.matches()) {
                    synchronized (configs) {
                        configs.add(Integer.parseInt(m.group(2)));
                    }
                }
            });
            Inventory inv = known == null ? session.discover(Progress.NONE) : session.discover(Progress.NONE, known, mustRead);
            return new Read(inv, configs);
        }
    }

    /** Someone else changes the server (a session without the cache directory). */
    private void elsewhere(ChangeAction action, ResourceRef ref, Map<String, String> settings, Map<String, String> options) {
        try (ProxmoxSession other = Simulators.session(server)) {
            ChangeResult r = other.apply(new Change(action, ref, settings, List.of(), options, action + " " + ref), Progress.NONE);
            assertThat(r.succeeded()).as("%s: %s %s", ref, r.message(), r.logTail()).isTrue();
        }
    }

    private static Set<Integer> vmids(Inventory inv) {
        return new TreeSet<>(inv.guests().stream().map(Guest::vmid).toList());
    }

    @Test
    void readsOnlyTouchedAndChangedGuestsAndStillSeesEveryServerChange() {
        Read first = read(null, Set.of());
        Inventory known = first.inventory();
        assertThat(first.configs()).isEqualTo(vmids(known)).hasSizeGreaterThan(15);

        // nothing changed: a targeted read asks only for the guests it must read
        Read quiet = read(known, Set.of(110));
        assertThat(quiet.configs()).containsExactly(110);
        assertThat(quiet.inventory().guests()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("runtime")
                .containsExactlyElementsOf(known.guests());

        elsewhere(ChangeAction.UPDATE, ResourceRef.vm("pve2", 110), Map.of("description", "touched on the server"), Map.of());
        elsewhere(ChangeAction.UPDATE, ResourceRef.vm("pve2", 107), Map.of("tags", "web;moved-tag"), Map.of());
        elsewhere(ChangeAction.UPDATE, ResourceRef.vm("pve3", 111), Map.of("description", "not in the summary"), Map.of());
        elsewhere(ChangeAction.MIGRATE, ResourceRef.container("pve1", 203), Map.of(), Map.of(Change.OPT_TARGET_NODE, "pve2"));
        elsewhere(ChangeAction.STOP, ResourceRef.container("pve3", 202), Map.of(), Map.of());
        elsewhere(ChangeAction.DELETE, ResourceRef.container("pve3", 202), Map.of(), Map.of(Change.OPT_PURGE, "1"));

        Read targeted = read(known, Set.of(110));
        Inventory t = targeted.inventory();
        // the touched guest (mustRead), the one whose tags /cluster/resources shows changed, the moved one; the stopped
        // and deleted one is gone without a read
        assertThat(targeted.configs()).containsExactly(107, 110, 203);
        assertThat(t.guest(110).orElseThrow().value("description")).isEqualTo("touched on the server");
        assertThat(t.guest(107).orElseThrow().value("tags")).contains("moved-tag");
        assertThat(t.guest(203).orElseThrow().node()).isEqualTo("pve2");
        assertThat(t.guest(202)).isEmpty();
        // a change /cluster/resources does not show, on a guest the plan does not touch: the stored copy stands
        assertThat(t.guest(111).orElseThrow().value("description")).isNotEqualTo("not in the summary");

        // --refresh=all: every config, and the change nobody touched is seen too
        Read full = read(null, Set.of());
        assertThat(full.configs()).isEqualTo(vmids(full.inventory()));
        assertThat(full.inventory().guest(111).orElseThrow().value("description")).isEqualTo("not in the summary");
        // everything else the targeted read found is what the full read found
        assertThat(t.withoutGuest(111).guests()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("runtime")
                .containsExactlyElementsOf(full.inventory().withoutGuest(111).guests());
        assertThat(t.nodes()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("uptimeSeconds")
                .containsExactlyElementsOf(full.inventory().nodes());
        assertThat(t.storages()).isEqualTo(full.inventory().storages());
        assertThat(t.networks()).isEqualTo(full.inventory().networks());
        assertThat(t.pools()).isEqualTo(full.inventory().pools());
        assertThat(t.objects()).isEqualTo(full.inventory().objects());
    }

    @Test
    void aGuestsFirewallIsReadOnlyWhenTheGuestIsRead() {
        Read first = read(null, Set.of());
        Inventory known = first.inventory();
        Pattern guestFirewall = Pattern.compile("/nodes/[^/]+/(qemu|lxc)/(\\d+)/firewall/.*");
        Set<Integer> firewallReads = new TreeSet<>();
        try (ProxmoxSession other = Simulators.session(server)) { // someone adds a rule to 110 and one to 111
            for (String guest : List.of("pve2/qemu/110", "pve3/qemu/111")) {
                other.client().post("/nodes/" + guest + "/firewall/rules",
                        Map.of("type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "8443", "enable", "1"));
            }
        }
        Read targeted;
        try (ProxmoxSession session = Simulators.session(server, cacheDir)) {
            session.client().onRequest((method, path) -> {
                Matcher m = guestFirewall.matcher(path);
                if (m.matches()) {
                    synchronized (firewallReads) {
                        firewallReads.add(Integer.parseInt(m.group(2)));
                    }
                }
            });
            targeted = new Read(session.discover(Progress.NONE, known, Set.of(110)), Set.of());
        }
        // only the guest the plan touches has its firewall read (3 GETs instead of 3 per guest), and its new rule is seen
        assertThat(firewallReads).containsExactly(110);
        assertThat(rulesOf(targeted.inventory(), "vm/110")).contains("8443");
        // the untouched guest keeps its stored firewall; a full read sees the change there too
        assertThat(rulesOf(targeted.inventory(), "vm/111")).isEqualTo(rulesOf(known, "vm/111")).doesNotContain("8443");
        assertThat(rulesOf(read(null, Set.of()).inventory(), "vm/111")).contains("8443");
    }

    private static String rulesOf(Inventory inv, String scope) {
        return inv.objects().stream().filter(o -> o.kind().equals("firewall-rules") && o.scope().equals(scope))
                .map(o -> o.config().toString()).findFirst().orElse("");
    }

    @Test
    void aStoredCopyOfAnotherConfigVersionIsReadAgain() {
        Inventory known = read(null, Set.of()).inventory();
        Guest g = known.guest(104).orElseThrow();
        GuestRuntime r = g.runtime();
        // an older stored copy (another digest), as after /restore of an old state: never taken for the server's
        Inventory stale = known.withGuest(g.withRuntime(new GuestRuntime(r.lock(), r.haState(), r.uptimeSeconds(),
                r.ipAddresses(), "0000000000000000000000000000000000000000")));
        assertThat(read(stale, Set.of()).configs()).containsExactly(104);
    }

    @Test
    void withoutKeptSummariesEveryConfigIsRead() {
        Inventory known;
        try (ProxmoxSession plain = Simulators.session(server)) {
            known = plain.discover(Progress.NONE);
        }
        // the cache directory holds no summaries yet: nothing is known to be unchanged
        assertThat(read(known, Set.of()).configs()).isEqualTo(vmids(known));
        // now it does
        assertThat(read(known, Set.of()).configs()).isEmpty();
    }
}
