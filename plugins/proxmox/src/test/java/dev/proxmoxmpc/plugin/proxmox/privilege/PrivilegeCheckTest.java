package dev.proxmoxmpc.plugin.proxmox.privilege;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeAction;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each planned change needs (pve-facts/pve-privileges.json) and the report of what is missing. */
class PrivilegeCheckTest {
    private static final List<String> AUDITOR = List.of("Datastore.Audit", "Pool.Audit", "SDN.Audit", "Sys.Audit", "VM.Audit");

    static Change createVm() {
        return new Change(ChangeAction.CREATE, ResourceRef.vm("pve1", 120),
                Map.of("name", "web", "cores", "2", "memory", "2048", "net0", "virtio,bridge=vmbr0", "scsi0", "local-lvm:8",
                        "ide2", "local:iso/debian.iso,media=cdrom", "pool", "production"),
                List.of(), Map.of(Change.OPT_START, "1"), "+ vm/120 web");
    }

    @Test
    void aCreateNeedsAllocateTheOptionGroupsTheBridgeTheStorageAndTheIso() {
        List<Requirement> missing = PrivilegeCheck.missing(List.of(createVm()), Map.of("/", AUDITOR));
        assertThat(missing).extracting(r -> r.path() + " " + r.privilegeText()).containsExactly(
                "/vms/120 VM.Allocate",
                "/sdn/zones/localnetwork/vmbr0 SDN.Use",
                "/vms/120 VM.Config.CPU",
                "/vms/120 VM.Config.CDROM",
                "/vms/120 VM.Config.Memory",
                "/vms/120 VM.Config.Options",
                "/vms/120 VM.Config.Network",
                "/vms/120 VM.Config.Disk",
                "/storage/local-lvm Datastore.AllocateSpace",
                "/vms/120 VM.PowerMgmt");
        assertThat(missing).allMatch(r -> r.change().equals("+ vm/120 web"));
    }

    @Test
    void aPrivilegeOnAnAncestorPathIsInheritedAndAMoreSpecificEntryWins() {
        Change start = Change.of(ChangeAction.START, ResourceRef.vm("pve1", 100), "start vm/100");
        assertThat(PrivilegeCheck.missing(List.of(start), Map.of("/", List.of("VM.Audit"), "/vms", List.of("VM.PowerMgmt")))).isEmpty();
        assertThat(PrivilegeCheck.missing(List.of(start), Map.of("/", List.of("VM.PowerMgmt"), "/vms/100", List.of("VM.Audit"))))
                .extracting(Requirement::path).containsExactly("/vms/100");
    }

    @Test
    void everyKindOfChangeMapsToThePrivilegesPveChecks() {
        List<Change> changes = List.of(
                new Change(ChangeAction.UPDATE, ResourceRef.vm("pve1", 100), Map.of("cores", "4"), List.of("balloon"), Map.of(), "~ vm/100"),
                Change.of(ChangeAction.DELETE, ResourceRef.container("pve1", 200), "- ct/200"),
                new Change(ChangeAction.MIGRATE, ResourceRef.vm("pve1", 101), Map.of(), List.of(),
                        Map.of(Change.OPT_TARGET_NODE, "pve2", Change.OPT_STORAGE, "ceph"), "migrate"),
                new Change(ChangeAction.BACKUP, ResourceRef.vm("pve1", 102), Map.of(), List.of(), Map.of(Change.OPT_STORAGE, "pbs"), "backup"),
                new Change(ChangeAction.ROLLBACK, ResourceRef.vm("pve1", 103), Map.of(), List.of(), Map.of(Change.OPT_SNAPSHOT, "s"), "rollback"),
                new Change(ChangeAction.RESTORE, ResourceRef.vm("pve1", 104), Map.of(), List.of(),
                        Map.of(Change.OPT_ARCHIVE, "nas:backup/vzdump-qemu-104-2026_01_01-00_00_00.vma.zst", Change.OPT_STORAGE, "local-lvm"), "restore"),
                Change.of(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.NETWORK, "pve2", "vmbr5"), "+ vmbr5"),
                Change.of(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.STORAGE, "", "nfs1"), "+ nfs1"),
                Change.of(ChangeAction.CREATE, new ResourceRef(ResourceRef.Type.POOL, "", "lab"), "+ lab"),
                new Change(ChangeAction.UPDATE, ResourceRef.vm("pve1", 105), Map.of("pool", "lab"), List.of(), Map.of(), "~ vm/105 pool"));
        assertThat(PrivilegeCheck.missing(changes, Map.of("/", AUDITOR))).extracting(r -> r.path() + " " + r.privilegeText()).containsExactly(
                "/vms/100 VM.Config.Disk|VM.Config.CDROM|VM.Config.CPU|VM.Config.Memory|VM.Config.Network|VM.Config.HWType|VM.Config.Options|VM.Config.Cloudinit",
                "/vms/100 VM.Config.CPU",
                "/vms/100 VM.Config.Memory",
                "/vms/200 VM.Allocate",
                "/vms/101 VM.Migrate",
                "/storage/ceph Datastore.AllocateSpace",
                "/storage/pbs Datastore.AllocateSpace",
                "/vms/102 VM.Backup",
                "/vms/103 VM.Snapshot|VM.Snapshot.Rollback",
                "/storage/local-lvm Datastore.AllocateSpace",
                "/vms/104 VM.Allocate",
                "/storage/nas Datastore.AllocateSpace",
                "/vms/104 VM.Backup",
                "/nodes/pve2 Sys.Modify",
                "/storage Datastore.Allocate",
                "/pool/lab Pool.Allocate",
                "/vms/105 Permissions.Modify|VM.Allocate");
    }

    @Test
    void theReportListsEverythingAtOnceWithThePveumCommandsThatGrantIt() {
        List<Requirement> missing = PrivilegeCheck.missing(List.of(createVm()), Map.of("/", AUDITOR));
        String report = MissingPrivileges.report("ops@pve!mpc", missing);
        assertThat(report).startsWith("ops@pve!mpc lacks 10 privileges this plan needs; nothing was changed:\n"
                + "  /vms/120  VM.Allocate  (+ vm/120 web)\n");
        assertThat(report).contains("pveum role add MpcApply1 --privs \"SDN.Use\"",
                "pveum role add MpcApply2 --privs \"Datastore.AllocateSpace\"",
                "pveum role add MpcApply3 --privs \"VM.Allocate,VM.Config.CDROM,VM.Config.CPU,VM.Config.Disk,VM.Config.Memory,"
                        + "VM.Config.Network,VM.Config.Options,VM.PowerMgmt\"",
                "pveum acl modify /sdn/zones/localnetwork/vmbr0 --tokens 'ops@pve!mpc' --roles MpcApply1",
                "pveum acl modify /vms/120 --tokens 'ops@pve!mpc' --roles MpcApply3",
                "--users ops@pve");
        assertThat(MissingPrivileges.commands("alice@pve", missing)).contains(
                "pveum acl modify /storage/local-lvm --users 'alice@pve' --roles MpcApply2");
    }
}
