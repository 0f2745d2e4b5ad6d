package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.proxmox.privilege.PrivilegeCheck;
import dev.proxmoxmpc.plugin.simulator.ApiToken;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.PreApplyRequest;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The firewall family against the simulator: discovery of the demo's firewall, and every kind created, changed, deleted. */
class FirewallIT {
    private final SimulatorServer server = Simulators.demo();
    private final ProxmoxSession session = Simulators.session(server);

    @TempDir
    Path project;

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private List<ClusterObject> firewall() {
        return session.discover(Progress.NONE).objects().stream().filter(o -> o.kind().startsWith("firewall-")).toList();
    }

    private Optional<ClusterObject> object(String kind, String scope, String id) {
        return firewall().stream().filter(o -> o.kind().equals(kind) && o.scope().equals(scope) && o.id().equals(id)).findFirst();
    }

    private void apply(ChangeAction action, String kind, String scope, String id, Map<String, String> settings, List<String> deletions) {
        ResourceRef ref = ResourceRef.object(kind, scope, id);
        ChangeResult r = session.apply(new Change(action, ref, settings, deletions, Map.of(), action + " " + ref), Progress.NONE);
        assertThat(r.succeeded()).as("%s %s: %s", action, ref, r.message()).isTrue();
    }

    /** Applies the desired config as an update and checks the server then holds exactly it. */
    private void converge(String kind, String scope, String id, Map<String, String> want) {
        Map<String, String> before = object(kind, scope, id).map(ClusterObject::config).orElseThrow();
        List<String> gone = before.keySet().stream().filter(k -> !want.containsKey(k)).toList();
        apply(ChangeAction.UPDATE, kind, scope, id, want, gone);
        assertThat(object(kind, scope, id).orElseThrow().config()).isEqualTo(new TreeMap<>(want));
    }

    @Test
    void discoveryReadsTheDemosFirewall() {
        List<String> labels = firewall().stream().map(ClusterObject::label).sorted().toList();
        assertThat(labels).containsExactlyInAnyOrder("firewall-alias/mgmt-net", "firewall-alias/monitoring", "firewall-alias/ct/202/upstream-web",
                "firewall-group/webservers", "firewall-ipset/dns-servers", "firewall-options", "firewall-options/ct/202",
                "firewall-options/vm/100", "firewall-options/vm/101", "firewall-rules", "firewall-rules/ct/202",
                "firewall-rules/vm/100", "firewall-rules/vm/101");
        assertThat(object("firewall-options", "", "").orElseThrow().config())
                .containsExactlyInAnyOrderEntriesOf(Map.of("enable", "1", "policy_in", "DROP", "policy_out", "ACCEPT"));
        Map<String, String> rules = object("firewall-rules", "", "").orElseThrow().config();
        assertThat(rules).containsEntry("rule.0.macro", "SSH").containsEntry("rule.0.source", "mgmt-net")
                .containsEntry("rule.1.dport", "8006").containsEntry("rule.3.macro", "Ping").containsEntry("rule.3.enable", "1")
                .doesNotContainKeys("rule.0.pos", "rule.0.digest", "rule.0.ipversion", "rule.4.type", "digest");
        assertThat(object("firewall-ipset", "", "dns-servers").orElseThrow().config()).isEqualTo(Map.of("comment", "Internal resolvers",
                "cidr.0", "10.0.0.53", "cidr.0.comment", "dns-01", "cidr.1", "10.0.0.54", "cidr.1.comment", "dns-02"));
        assertThat(object("firewall-group", "", "webservers").orElseThrow().config()).containsEntry("comment", "Public web traffic")
                .containsEntry("rule.1.macro", "HTTPS");
        assertThat(object("firewall-rules", "vm/100", "").orElseThrow().config()).containsEntry("rule.0.type", "group")
                .containsEntry("rule.0.action", "webservers");
        assertThat(firewall()).as("the same state reads the same").isEqualTo(firewall());
    }

    @Test
    void aGuestsOwnAliasesAndIpSetsAreFoundThroughItsReferencesAndAPlainGuestTakesThreeReads() {
        apply(ChangeAction.CREATE, "firewall-ipset", "vm/102", "backends", Map.of("comment", "app servers",
                "cidr.0", "10.0.0.20", "cidr.1", "10.0.0.21", "cidr.1.comment", "spare"), List.of());
        Pattern guestFirewall = Pattern.compile("/nodes/[^/]+/((?:qemu|lxc)/\\d+)/firewall/(.*)");
        Map<String, List<String>> reads = new TreeMap<>();
        session.client().onRequest((method, path) -> {
            Matcher m = guestFirewall.matcher(path);
            if (m.matches()) {
                synchronized (reads) {
                    reads.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(method + " " + m.group(2));
                }
            }
        });
        List<ClusterObject> fw = firewall();
        assertThat(fw).filteredOn(o -> o.label().equals("firewall-ipset/vm/102/backends")).singleElement()
                .extracting(ClusterObject::config).isEqualTo(Map.of("comment", "app servers", "cidr.0", "10.0.0.20",
                        "cidr.1", "10.0.0.21", "cidr.1.comment", "spare"));
        assertThat(fw).extracting(ClusterObject::label).contains("firewall-alias/ct/202/upstream-web");
        // the cluster's aliases and IP sets are in every guest's references: they cost a guest nothing
        assertThat(reads.get("qemu/100")).containsExactlyInAnyOrder("GET options", "GET rules", "GET refs");
        assertThat(reads.get("qemu/102")).containsExactlyInAnyOrder("GET options", "GET rules", "GET refs", "GET ipset/backends");
        assertThat(reads.get("lxc/202")).containsExactlyInAnyOrder("GET options", "GET rules", "GET refs", "GET aliases");
    }

    @Test
    void aRuleListConvergesInPlaceGrowsAndShrinks() {
        Map<String, String> rules = new TreeMap<>(object("firewall-rules", "", "").orElseThrow().config());
        rules.put("rule.1.dport", "8007");
        rules.remove("rule.2.comment");
        converge("firewall-rules", "", "", rules);
        rules.putAll(Map.of("rule.4.type", "in", "rule.4.action", "DROP", "rule.4.proto", "udp", "rule.4.dport", "161", "rule.4.enable", "1"));
        rules.putAll(Map.of("rule.5.type", "out", "rule.5.action", "ACCEPT", "rule.5.dest", "+dns-servers", "rule.5.macro", "DNS", "rule.5.enable", "0"));
        converge("firewall-rules", "", "", rules);
        rules.keySet().removeIf(k -> k.startsWith("rule.3.") || k.startsWith("rule.4.") || k.startsWith("rule.5."));
        converge("firewall-rules", "", "", rules);
        apply(ChangeAction.DELETE, "firewall-rules", "vm/101", "", Map.of(), List.of());
        assertThat(object("firewall-rules", "vm/101", "")).isEmpty();
        apply(ChangeAction.CREATE, "firewall-rules", "ct/203", "", Map.of("rule.0.type", "in", "rule.0.action", "ACCEPT",
                "rule.0.proto", "tcp", "rule.0.dport", "6379", "rule.0.source", "10.0.0.0/24", "rule.0.enable", "1",
                "rule.1.type", "group", "rule.1.action", "webservers", "rule.1.enable", "1"), List.of());
        assertThat(object("firewall-rules", "ct/203", "").orElseThrow().config()).containsEntry("rule.0.dport", "6379")
                .containsEntry("rule.1.action", "webservers");
    }

    @Test
    void optionsAliasesIpSetsAndGroupsAreCreatedChangedAndDeleted() {
        apply(ChangeAction.CREATE, "firewall-options", "node/pve2", "", Map.of("enable", "1", "nftables", "1"), List.of());
        assertThat(object("firewall-options", "node/pve2", "").orElseThrow().config()).isEqualTo(Map.of("enable", "1", "nftables", "1"));
        converge("firewall-options", "vm/100", "", Map.of("enable", "1", "policy_in", "REJECT", "log_level_in", "info"));
        apply(ChangeAction.DELETE, "firewall-options", "vm/101", "", Map.of(), List.of());
        assertThat(object("firewall-options", "vm/101", "")).isEmpty();

        apply(ChangeAction.CREATE, "firewall-alias", "vm/102", "db-clients", Map.of("cidr", "10.0.0.104/30", "comment", "apps"), List.of());
        converge("firewall-alias", "vm/102", "db-clients", Map.of("cidr", "10.0.0.104/29"));
        apply(ChangeAction.DELETE, "firewall-alias", "", "monitoring", Map.of(), List.of());
        assertThat(object("firewall-alias", "", "monitoring")).isEmpty();

        apply(ChangeAction.CREATE, "firewall-ipset", "", "blocked", Map.of("comment", "abuse", "cidr.0", "192.0.2.0/24",
                "cidr.1", "198.51.100.7", "cidr.1.nomatch", "1"), List.of());
        assertThat(object("firewall-ipset", "", "blocked").orElseThrow().config()).containsEntry("cidr.1.nomatch", "1");
        converge("firewall-ipset", "", "blocked", Map.of("cidr.0", "192.0.2.0/24", "cidr.0.comment", "test net",
                "cidr.1", "203.0.113.0/24"));
        apply(ChangeAction.DELETE, "firewall-ipset", "", "blocked", Map.of(), List.of());
        assertThat(object("firewall-ipset", "", "blocked")).isEmpty();

        apply(ChangeAction.CREATE, "firewall-group", "", "dbservers", Map.of("comment", "databases", "rule.0.type", "in",
                "rule.0.action", "ACCEPT", "rule.0.macro", "PostgreSQL", "rule.0.enable", "1", "rule.1.type", "in",
                "rule.1.action", "ACCEPT", "rule.1.macro", "MySQL", "rule.1.enable", "1"), List.of());
        assertThat(object("firewall-group", "", "dbservers").orElseThrow().config()).containsEntry("rule.1.macro", "MySQL");
        converge("firewall-group", "", "dbservers", Map.of("comment", "PostgreSQL only", "rule.0.type", "in",
                "rule.0.action", "ACCEPT", "rule.0.macro", "PostgreSQL", "rule.0.enable", "1", "rule.0.source", "mgmt-net"));
        apply(ChangeAction.DELETE, "firewall-group", "", "dbservers", Map.of(), List.of());
        assertThat(object("firewall-group", "", "dbservers")).isEmpty();
    }

    @Test
    void thePrivilegeCheckNamesWhatEachScopeNeeds() {
        ApiToken auditor = server.addToken("ops@pve", "audit", Privileges.AUDITOR);
        List<Change> plan = List.of(
                new Change(ChangeAction.UPDATE, ResourceRef.object("firewall-rules", "", ""), Map.of("rule.0.type", "in",
                        "rule.0.action", "DROP"), List.of(), Map.of(), "~ firewall-rules"),
                new Change(ChangeAction.UPDATE, ResourceRef.object("firewall-options", "vm/100", ""), Map.of("enable", "0"),
                        List.of(), Map.of(), "~ firewall-options/vm/100"),
                new Change(ChangeAction.CREATE, ResourceRef.object("firewall-options", "node/pve1", ""), Map.of("enable", "1"),
                        List.of(), Map.of(), "+ firewall-options/node/pve1"),
                new Change(ChangeAction.UPDATE, ResourceRef.object("firewall-rules", "ct/202", ""), Map.of("rule.0.type", "in",
                        "rule.0.action", "DROP", "rule.0.enable", "1"), List.of(), Map.of(), "~ firewall-rules/ct/202"));
        Endpoint e = new Endpoint("it", server.url(), auditor.id(), auditor.secret(), "", "", Endpoint.Tls.pinned(server.fingerprint()),
                Duration.ofSeconds(20), 4);
        try (ProviderSession s = new ProxmoxProvider().connect(e)) {
            List<Diagnostic> found = new PrivilegeCheck().check(TestKernelContext.builder().root(project).build(),
                    new PreApplyRequest(Inventory.empty(), Inventory.empty(), plan, s));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).summary()).contains("  /  Sys.Modify  (~ firewall-rules)")
                    .contains("  /vms/100  VM.Config.Network  (~ firewall-options/vm/100)")
                    .contains("  /nodes/pve1  Sys.Modify  (+ firewall-options/node/pve1)")
                    .contains("  /vms/202  VM.Config.Network  (~ firewall-rules/ct/202)");
        }
    }
}
