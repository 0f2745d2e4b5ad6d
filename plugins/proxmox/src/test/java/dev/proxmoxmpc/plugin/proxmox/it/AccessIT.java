package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxSession;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The access family against the simulator over HTTPS: discovery reads users, groups, custom roles, tokens and ACL
 * entries exactly; create, update and delete of each are read back equal; changes that would lock proxmox-mpc out are
 * refused; a token's secret never reaches the change's result.
 */
class AccessIT {
    private final SimulatorServer server = Simulators.demo();
    private final ProxmoxSession session = Simulators.session(server);

    @AfterEach
    void stop() {
        session.close();
        server.close();
    }

    private Inventory discover() {
        return session.discover(Progress.NONE);
    }

    private Optional<ClusterObject> object(String kind, String id) {
        return discover().object(kind, "", id);
    }

    private ChangeResult apply(ChangeAction action, String kind, String id, Map<String, String> settings, List<String> deletions) {
        ChangeResult r = session.apply(new Change(action, ResourceRef.object(kind, "", id), settings, deletions, Map.of(),
                action + " " + kind + "/" + id), Progress.NONE);
        assertThat(r.succeeded()).as("%s %s/%s: %s %s", action, kind, id, r.message(), r.logTail()).isTrue();
        return r;
    }

    private ChangeResult refused(ChangeAction action, String kind, String id, Map<String, String> settings) {
        ChangeResult r = session.apply(new Change(action, ResourceRef.object(kind, "", id), settings, List.of(), Map.of(),
                action + " " + kind + "/" + id), Progress.NONE);
        assertThat(r.status()).as(r.message()).isEqualTo(ChangeResult.Status.FAILED);
        return r;
    }

    @Test
    void discoveryReadsTheDemoAccessConfigurationExactly() {
        Inventory inv = discover();
        assertThat(inv.objects().stream().filter(o -> List.of("user", "group", "role", "token", "acl").contains(o.kind()))
                .map(ClusterObject::key)).hasSize(3 + 1 + 1 + 2 + 4);
        assertThat(inv.object("user", "", "alice@pve").orElseThrow().config()).isEqualTo(Map.of("enable", "1", "expire", "0",
                "email", "alice@example.com", "firstname", "Alice", "lastname", "Martin", "groups", "ops", "comment", "On-call operator"));
        assertThat(inv.object("user", "", "root@pam").orElseThrow().config()).doesNotContainKeys("tokens", "realm-type", "userid");
        assertThat(inv.object("group", "", "ops").orElseThrow().config()).isEqualTo(Map.of("comment", "Operations team"));
        assertThat(inv.object("role", "", "VMOperator").orElseThrow().config()).isEqualTo(Map.of("privs", "VM.Audit,VM.Console,VM.PowerMgmt"));
        assertThat(inv.object("role", "", "PVEVMAdmin")).as("built-in roles are not managed").isEmpty();
        assertThat(inv.object("token", "", "ci@pve!deploy").orElseThrow().config())
                .isEqualTo(Map.of("comment", "Pipeline deployments", "expire", "0", "privsep", "1"));
        assertThat(inv.object("token", "", "root@pam!mpc").orElseThrow().config()).containsEntry("privsep", "0");
        assertThat(inv.object("acl", "", "/pool/production|group|ops|PVEVMAdmin").orElseThrow().config()).isEqualTo(Map.of("propagate", "1"));
        assertThat(inv.object("acl", "", "/storage/local|user|alice@pve|PVEDatastoreUser").orElseThrow().config()).isEqualTo(Map.of("propagate", "0"));
        assertThat(discover().objects()).as("the same server state gives the same objects").isEqualTo(inv.objects());
    }

    @Test
    void createsUpdatesAndDeletesEachKind() {
        apply(ChangeAction.CREATE, "role", "Backup", Map.of("privs", "VM.Audit,VM.Backup"), List.of());
        apply(ChangeAction.CREATE, "group", "dev", Map.of("comment", "Developers"), List.of());
        apply(ChangeAction.CREATE, "user", "bob@pve", Map.of("enable", "1", "expire", "0", "groups", "dev,ops", "email", "bob@example.com"), List.of());
        ChangeResult token = apply(ChangeAction.CREATE, "token", "bob@pve!backup", Map.of("comment", "nightly", "expire", "0", "privsep", "1"), List.of());
        assertThat(token.message() + token.logTail()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        apply(ChangeAction.CREATE, "acl", "/vms/100|token|bob@pve!backup|Backup", Map.of("propagate", "0"), List.of());

        Inventory inv = discover();
        assertThat(inv.object("role", "", "Backup").orElseThrow().config()).isEqualTo(Map.of("privs", "VM.Audit,VM.Backup"));
        assertThat(inv.object("group", "", "dev").orElseThrow().config()).isEqualTo(Map.of("comment", "Developers"));
        assertThat(inv.object("user", "", "bob@pve").orElseThrow().config())
                .isEqualTo(Map.of("enable", "1", "expire", "0", "groups", "dev,ops", "email", "bob@example.com"));
        assertThat(inv.object("token", "", "bob@pve!backup").orElseThrow().config())
                .isEqualTo(Map.of("comment", "nightly", "expire", "0", "privsep", "1"));
        assertThat(inv.object("acl", "", "/vms/100|token|bob@pve!backup|Backup").orElseThrow().config()).isEqualTo(Map.of("propagate", "0"));

        apply(ChangeAction.UPDATE, "role", "Backup", Map.of("privs", "VM.Audit,VM.Backup,VM.Snapshot"), List.of());
        apply(ChangeAction.UPDATE, "group", "dev", Map.of(), List.of("comment"));
        apply(ChangeAction.UPDATE, "user", "bob@pve", Map.of("enable", "0", "expire", "0", "groups", "dev", "firstname", "Bob"), List.of("email"));
        apply(ChangeAction.UPDATE, "token", "bob@pve!backup", Map.of("expire", "0", "privsep", "0"), List.of("comment"));
        apply(ChangeAction.UPDATE, "acl", "/vms/100|token|bob@pve!backup|Backup", Map.of("propagate", "1"), List.of());
        inv = discover();
        assertThat(inv.object("role", "", "Backup").orElseThrow().value("privs")).isEqualTo("VM.Audit,VM.Backup,VM.Snapshot");
        assertThat(inv.object("group", "", "dev").orElseThrow().config()).isEmpty();
        assertThat(inv.object("user", "", "bob@pve").orElseThrow().config())
                .isEqualTo(Map.of("enable", "0", "expire", "0", "groups", "dev", "firstname", "Bob"));
        assertThat(inv.object("token", "", "bob@pve!backup").orElseThrow().config()).isEqualTo(Map.of("expire", "0", "privsep", "0"));
        assertThat(inv.object("acl", "", "/vms/100|token|bob@pve!backup|Backup").orElseThrow().value("propagate")).isEqualTo("1");

        apply(ChangeAction.DELETE, "acl", "/vms/100|token|bob@pve!backup|Backup", Map.of(), List.of());
        apply(ChangeAction.DELETE, "token", "bob@pve!backup", Map.of(), List.of());
        apply(ChangeAction.DELETE, "user", "bob@pve", Map.of(), List.of());
        apply(ChangeAction.DELETE, "group", "dev", Map.of(), List.of());
        apply(ChangeAction.DELETE, "role", "Backup", Map.of(), List.of());
        inv = discover();
        for (String[] k : new String[][] {{"acl", "/vms/100|token|bob@pve!backup|Backup"}, {"token", "bob@pve!backup"},
                {"user", "bob@pve"}, {"group", "dev"}, {"role", "Backup"}}) {
            assertThat(inv.object(k[0], "", k[1])).as(k[0] + "/" + k[1]).isEmpty();
        }
    }

    @Test
    void aTokenThatCannotSeeEveryAclEntryLeavesTheAccessKindsUnread(@org.junit.jupiter.api.io.TempDir java.nio.file.Path cache) {
        dev.proxmoxmpc.plugin.simulator.ApiToken audit = server.addToken("root@pam", "audit",
                dev.proxmoxmpc.plugin.simulator.auth.Privileges.AUDITOR);
        dev.proxmoxmpc.spi.provider.Endpoint e = new dev.proxmoxmpc.spi.provider.Endpoint("it", server.url(), audit.id(),
                audit.secret(), "", "", dev.proxmoxmpc.spi.provider.Endpoint.Tls.pinned(server.fingerprint()),
                java.time.Duration.ofSeconds(20), 8);
        try (ProxmoxSession auditor = Simulators.session(e, cache)) {
            Inventory inv = auditor.discover(Progress.NONE);
            assertThat(inv.object("cluster-status", "", "").orElseThrow().value("unread")).contains("acl", "group", "role", "token", "user");
            assertThat(inv.objects()).noneMatch(o -> o.kind().equals("user") || o.kind().equals("acl"));
            assertThat(inv.guests()).isNotEmpty();
        }
    }

    @Test
    void refusesToLockItselfOut() {
        assertThat(refused(ChangeAction.DELETE, "token", "root@pam!mpc", Map.of()).message())
                .contains("token/root@pam!mpc").contains("lock itself out");
        assertThat(refused(ChangeAction.DELETE, "user", "root@pam", Map.of()).message()).contains("root@pam!mpc");
        refused(ChangeAction.UPDATE, "user", "root@pam", Map.of("enable", "0", "expire", "0"));
        refused(ChangeAction.UPDATE, "token", "root@pam!mpc", Map.of("expire", "0", "privsep", "1"));
        assertThat(object("token", "root@pam!mpc")).isPresent();
        assertThat(discover().object("user", "", "root@pam").orElseThrow().value("enable")).isEqualTo("1");
        apply(ChangeAction.UPDATE, "token", "root@pam!mpc", Map.of("comment", "proxmox-mpc (demo)", "expire", "0", "privsep", "0"), List.of());
    }
}
