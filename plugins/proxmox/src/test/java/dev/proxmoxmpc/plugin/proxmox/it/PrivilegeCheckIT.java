package dev.proxmoxmpc.plugin.proxmox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.proxmox.ProxmoxProvider;
import dev.proxmoxmpc.plugin.proxmox.privilege.PrivilegeCheck;
import dev.proxmoxmpc.plugin.simulator.ApiToken;
import dev.proxmoxmpc.plugin.simulator.SimulatorServer;
import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.PreApplyRequest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.Endpoint;
import dev.proxmoxmpc.spi.provider.ProviderSession;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import dev.proxmoxmpc.spi.testkit.TestKernelContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pre-apply privilege check against the simulator, which enforces the same facts with its own code: a read-only
 * token gets every missing privilege at once, before any write; a token granted exactly what the report names applies
 * the whole plan.
 */
class PrivilegeCheckIT {
    private static final Pattern LINE = Pattern.compile("^  (/\\S*)  (\\S+)  \\(.*\\)$", Pattern.MULTILINE);
    static SimulatorServer server;

    @BeforeAll
    static void start() {
        server = Simulators.demo();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<Change> plan() {
        return List.of(
                new Change(ChangeAction.CREATE, ResourceRef.vm("pve1", 120), Map.of("name", "web-9", "cores", "2", "memory", "2048",
                        "net0", "virtio,bridge=vmbr0", "scsi0", "local-lvm:8"), List.of(), Map.of(), "+ vm/120 web-9"),
                new Change(ChangeAction.UPDATE, ResourceRef.vm("pve3", 111), Map.of("cores", "2"), List.of(), Map.of(), "~ vm/111 cores"),
                new Change(ChangeAction.BACKUP, ResourceRef.vm("pve3", 111), Map.of(), List.of(), Map.of(Change.OPT_STORAGE, "local"), "backup vm/111"),
                new Change(ChangeAction.SNAPSHOT, ResourceRef.vm("pve3", 111), Map.of(), List.of(), Map.of(Change.OPT_SNAPSHOT, "pre"), "snapshot"));
    }

    @Test
    void aReadOnlyTokenGetsEveryMissingPrivilegeAtOnceAndATokenGrantedThemAppliesThePlan() {
        ApiToken auditor = server.addToken("ops@pve", "audit", Privileges.AUDITOR);
        int guests = server.guestCount();
        List<Diagnostic> found = check(auditor);
        assertThat(found).hasSize(1);
        Diagnostic d = found.get(0);
        assertThat(d.severity()).isEqualTo(Severity.ERROR);
        assertThat(d.summary()).startsWith("ops@pve!audit lacks ").contains("pveum acl modify /vms/120 --tokens 'ops@pve!audit'");
        assertThat(server.guestCount()).isEqualTo(guests);

        Set<String> granted = new HashSet<>(Privileges.AUDITOR);
        Matcher m = LINE.matcher(d.summary());
        while (m.find()) {
            granted.add(m.group(2).split("[|,]")[0]);
        }
        assertThat(granted).contains("VM.Allocate", "SDN.Use", "Datastore.AllocateSpace", "VM.Config.CPU", "VM.Backup", "VM.Snapshot");
        ApiToken exact = server.addToken("ops@pve", "exact", granted);
        assertThat(check(exact)).isEmpty();
        try (ProviderSession session = session(exact)) {
            List<ChangeResult> results = session.applyAll(plan(), 1, dev.proxmoxmpc.spi.console.Progress.NONE);
            assertThat(results).allSatisfy(r -> assertThat(r.succeeded()).as(r.message()).isTrue());
        }
    }

    @Test
    void theCheckAndTheSimulatorAgreeOnEachSinglePrivilegeLeftOut() {
        Set<String> all = new HashSet<>(Privileges.AUDITOR);
        all.addAll(List.of("VM.Allocate", "SDN.Use", "Datastore.AllocateSpace", "VM.Config.CPU", "VM.Config.Memory",
                "VM.Config.Options", "VM.Config.Network", "VM.Config.Disk"));
        for (String left : List.of("SDN.Use", "Datastore.AllocateSpace", "VM.Config.Memory")) {
            Set<String> privs = new HashSet<>(all);
            privs.remove(left);
            ApiToken token = server.addToken("ops@pve", "no-" + left.replace('.', '-'), privs);
            List<Change> create = List.of(plan().get(0));
            try (ProviderSession session = session(token)) {
                List<Diagnostic> found = new PrivilegeCheck().check(context(),
                        new PreApplyRequest(Inventory.empty(), Inventory.empty(), create, session));
                assertThat(found).hasSize(1);
                assertThat(found.get(0).summary()).contains("  " + left + "  (+ vm/120 web-9)").contains("lacks 1 privilege ");
                ChangeResult r = session.apply(create.get(0), dev.proxmoxmpc.spi.console.Progress.NONE);
                assertThat(r.succeeded()).isFalse();
                assertThat(r.message()).contains("lacks privilege " + left + " on "); // the provider's reading of the 403
            }
        }
    }

    private static List<Diagnostic> check(ApiToken token) {
        try (ProviderSession session = session(token)) {
            return new PrivilegeCheck().check(context(),
                    new PreApplyRequest(Inventory.empty(), Inventory.empty(), plan(), session));
        }
    }

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path project;

    private static TestKernelContext context() {
        return TestKernelContext.builder().root(project).build();
    }

    private static ProviderSession session(ApiToken token) {
        Endpoint e = new Endpoint("it", server.url(), token.id(), token.secret(), "", "", Endpoint.Tls.pinned(server.fingerprint()),
                Duration.ofSeconds(20), 4);
        return new ProxmoxProvider().connect(e);
    }
}
