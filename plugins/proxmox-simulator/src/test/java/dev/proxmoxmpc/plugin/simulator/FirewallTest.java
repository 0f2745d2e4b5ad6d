package dev.proxmoxmpc.plugin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The firewall endpoints over the demo's configuration: shapes, rule positions, PVE's checks and privileges. */
class FirewallTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> rules(String path) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : http.get(path).data()) {
            out.add(r.get("pos").asInt() + " " + r.get("type").asText() + " " + r.get("action").asText() + " "
                    + r.path("macro").asText(r.path("dport").asText("-")));
        }
        return out;
    }

    @Test
    void theDemoHasAClusterFirewallInPvesShape() {
        JsonNode options = http.get("/cluster/firewall/options").data();
        assertThat(options.get("enable").isInt()).isTrue();
        assertThat(options.get("policy_in").asText()).isEqualTo("DROP");
        assertThat(options.get("digest").asText()).hasSize(40);
        JsonNode rules = http.get("/cluster/firewall/rules").data();
        assertThat(rules.get(0).get("macro").asText()).isEqualTo("SSH");
        assertThat(rules.get(0).get("source").asText()).isEqualTo("mgmt-net");
        assertThat(rules.get(0).get("ipversion").asInt()).as("from the alias' address").isEqualTo(4);
        assertThat(rules.get(0).get("enable").isInt()).isTrue();
        assertThat(rules.get(3).has("ipversion")).isFalse();
        assertThat(http.get("/cluster/firewall/aliases").data().findValuesAsText("name")).containsExactly("mgmt-net", "monitoring");
        assertThat(http.get("/cluster/firewall/ipset/dns-servers").data().findValuesAsText("cidr")).containsExactly("10.0.0.53", "10.0.0.54");
        assertThat(http.get("/cluster/firewall/groups").data().findValuesAsText("group")).containsExactly("webservers");
        assertThat(rules("/cluster/firewall/groups/webservers")).containsExactly("0 in ACCEPT HTTP", "1 in ACCEPT HTTPS");
        assertThat(rules("/nodes/pve1/qemu/100/firewall/rules")).first().isEqualTo("0 group webservers -");
        assertThat(http.get("/nodes/pve1/qemu/100/firewall/options").data().get("enable").asInt()).isEqualTo(1);
        assertThat(http.get("/nodes/pve3/lxc/202/firewall/aliases").data().findValuesAsText("name")).containsExactly("upstream-web");
        assertThat(http.get("/nodes/pve1/qemu/102/firewall/rules").data()).isEmpty();
        assertThat(http.get("/nodes/pve1/firewall/options").data().findValuesAsText("digest")).hasSize(1);
    }

    @Test
    void aGuestsReferencesListTheClustersThenItsOwnAliasesAndIpSets() {
        List<String> refs = new ArrayList<>();
        for (JsonNode r : http.get("/nodes/pve3/lxc/202/firewall/refs").data()) {
            refs.add(r.get("scope").asText() + " " + r.get("type").asText() + " " + r.get("name").asText() + " " + r.get("ref").asText());
        }
        assertThat(refs).containsExactly("dc ipset dns-servers +dns-servers", "dc alias mgmt-net mgmt-net",
                "dc alias monitoring monitoring", "guest alias upstream-web upstream-web");
        // ?type= narrows; a guest with nothing of its own lists only the cluster's; the enum is checked
        assertThat(http.get("/nodes/pve3/lxc/202/firewall/refs?type=ipset").data().findValuesAsText("name")).containsExactly("dns-servers");
        http.post("/nodes/pve1/qemu/102/firewall/ipset", PveHttp.form("name", "backends", "comment", "app servers"));
        JsonNode own = http.get("/nodes/pve1/qemu/102/firewall/refs?type=ipset").data();
        assertThat(own.findValuesAsText("scope")).containsExactly("dc", "guest");
        assertThat(own.get(1).get("comment").asText()).isEqualTo("app servers");
        assertThat(http.get("/nodes/pve1/qemu/100/firewall/refs").data().findValuesAsText("scope")).containsOnly("dc");
        assertThat(http.get("/nodes/pve1/qemu/100/firewall/refs?type=group").status()).isEqualTo(400);
    }

    @Test
    void aNewRuleGoesToTheTopAndMovetoMovesIt() {
        String base = "/nodes/pve1/qemu/102/firewall/rules";
        http.post(base, PveHttp.form("type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "5432", "enable", 1));
        http.post(base, PveHttp.form("type", "in", "action", "DROP", "proto", "tcp", "dport", "22"));
        assertThat(rules(base)).containsExactly("0 in DROP 22", "1 in ACCEPT 5432");
        assertThat(http.get(base + "/0").data().get("enable").asInt()).as("created without enable: disabled").isZero();
        http.put(base + "/0", PveHttp.form("moveto", 2));
        assertThat(rules(base)).containsExactly("0 in ACCEPT 5432", "1 in DROP 22");
        http.put(base + "/1", PveHttp.form("dport", "2222", "delete", "proto"));
        assertThat(http.get(base + "/1").data().has("proto")).isFalse();
        assertThat(http.get(base + "/1").data().get("dport").asText()).isEqualTo("2222");
        http.delete(base + "/0");
        assertThat(rules(base)).containsExactly("0 in DROP 2222");
        assertThat(http.delete(base + "/5").message()).contains("no rule at position 5");
    }

    @Test
    void rulesMustNameWhatExists() {
        PveHttp.Response group = http.post("/cluster/firewall/rules", PveHttp.form("type", "group", "action", "nosuch"));
        assertThat(group.status()).isEqualTo(400);
        assertThat(group.json().path("errors").path("action").asText()).isEqualTo("security group 'nosuch' does not exist");
        assertThat(http.post("/cluster/firewall/rules", PveHttp.form("type", "in", "action", "ACCEPT", "source", "nosuch-net"))
                .json().path("errors").path("source").asText()).isEqualTo("no such alias 'nosuch-net'");
        assertThat(http.post("/cluster/firewall/rules", PveHttp.form("type", "in", "action", "ACCEPT", "source", "+nosuch"))
                .json().path("errors").path("source").asText()).isEqualTo("no such ipset 'nosuch'");
        assertThat(http.post("/cluster/firewall/groups/webservers", PveHttp.form("type", "group", "action", "webservers"))
                .status()).isEqualTo(400);
        assertThat(http.delete("/cluster/firewall/groups/webservers").message()).contains("is not empty");
        assertThat(http.delete("/cluster/firewall/ipset/dns-servers").message()).contains("is not empty");
        assertThat(http.post("/cluster/firewall/aliases", PveHttp.form("name", "mgmt-net", "cidr", "10.1.0.0/24")).message())
                .contains("alias 'mgmt-net' already exists");
    }

    @Test
    void aStaleDigestIsRefused() {
        String digest = http.get("/cluster/firewall/options").data().get("digest").asText();
        http.put("/cluster/firewall/options", PveHttp.form("policy_out", "DROP", "digest", digest));
        PveHttp.Response stale = http.put("/cluster/firewall/options", PveHttp.form("policy_out", "ACCEPT", "digest", digest));
        assertThat(stale.status()).isEqualTo(500);
        assertThat(stale.message()).contains("detected modified configuration");
    }

    @Test
    void aliasesIpSetsAndGroupsAreEdited() {
        http.post("/cluster/firewall/aliases", PveHttp.form("name", "backup-host", "cidr", "10.0.0.60", "comment", "PBS"));
        http.put("/cluster/firewall/aliases/backup-host", PveHttp.form("cidr", "10.0.0.61"));
        assertThat(http.get("/cluster/firewall/aliases/backup-host").data().get("cidr").asText()).isEqualTo("10.0.0.61");
        assertThat(http.get("/cluster/firewall/aliases/backup-host").data().has("comment")).as("PUT replaces the alias").isFalse();
        http.post("/cluster/firewall/ipset", PveHttp.form("name", "blocked", "comment", "abuse"));
        http.post("/cluster/firewall/ipset/blocked", PveHttp.form("cidr", "192.0.2.0/24", "nomatch", 1));
        assertThat(http.get("/cluster/firewall/ipset/blocked/192.0.2.0%2F24").data().get("nomatch").asInt()).isEqualTo(1);
        http.delete("/cluster/firewall/ipset/blocked/192.0.2.0%2F24");
        http.delete("/cluster/firewall/ipset/blocked");
        assertThat(http.get("/cluster/firewall/ipset").data().findValuesAsText("name")).containsExactly("dns-servers");
        http.post("/cluster/firewall/groups", PveHttp.form("group", "dbservers"));
        http.post("/cluster/firewall/groups/dbservers", PveHttp.form("type", "in", "action", "ACCEPT", "macro", "postgresql", "enable", 1));
        assertThat(rules("/cluster/firewall/groups/dbservers")).containsExactly("0 in ACCEPT PostgreSQL");
    }

    @Test
    void writingNeedsThePrivilegesPveChecks() {
        PveHttp noAccess = new PveHttp(server).token(server.faults().tokenWithoutPrivileges());
        assertThat(noAccess.put("/cluster/firewall/options", PveHttp.form("enable", 0)).message()).contains("Sys.Modify");
        assertThat(noAccess.post("/nodes/pve1/qemu/100/firewall/rules", PveHttp.form("type", "in", "action", "DROP")).message())
                .contains("VM.Config.Network");
        assertThat(noAccess.put("/nodes/pve1/firewall/options", PveHttp.form("enable", 0)).message()).contains("/nodes/pve1");
    }
}
