package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proxmoxmpc.plugin.simulator.auth.Privileges;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The privileges PVE checks in code beyond a method's schema (pve-facts/pve-privileges.json): a read-only
 * (PVEAuditor) token is refused every write the provider makes, with PVE's own 403 message, and nothing changes.
 */
class CodePrivilegesTest {
    static SimulatorServer server;
    static PveHttp auditor;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
        auditor = new PveHttp(server).token(server.addToken("audit@pve", "ro", Privileges.AUDITOR));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/nodes/pve1/qemu", form("vmid", 990, "name", "x", "memory", 1024), "Permission check failed"),
                Arguments.of("POST", "/nodes/pve1/lxc", form("vmid", 991, "ostemplate",
                        "local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz", "rootfs", "local-lvm:4"), "Permission check failed"),
                Arguments.of("POST", "/nodes/pve1/qemu", form("vmid", 100, "archive",
                        "local:backup/vzdump-qemu-100-2026_01_01-00_00_00.vma.zst", "force", 1, "storage", "local-lvm"),
                        "Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)"),
                Arguments.of("PUT", "/nodes/pve1/qemu/100/config", form("cores", 4),
                        "Permission check failed (/vms/100, VM.Config.Disk|VM.Config.CDROM|VM.Config.CPU|VM.Config.Memory|"
                                + "VM.Config.Network|VM.Config.HWType|VM.Config.Options|VM.Config.Cloudinit)"),
                Arguments.of("POST", "/nodes/pve1/qemu/9000/clone", form("newid", 992), "Permission check failed (/vms/9000, VM.Clone)"),
                Arguments.of("DELETE", "/nodes/pve1/qemu/100", form(), "Permission check failed (/vms/100, VM.Allocate)"),
                Arguments.of("POST", "/nodes/pve1/qemu/100/status/stop", form(), "Permission check failed (/vms/100, VM.PowerMgmt)"),
                Arguments.of("POST", "/nodes/pve1/qemu/100/migrate", form("target", "pve2"), "Permission check failed (/vms/100, VM.Migrate)"),
                Arguments.of("PUT", "/nodes/pve1/qemu/100/resize", form("disk", "scsi0", "size", "+1G"),
                        "Permission check failed (/vms/100, VM.Config.Disk)"),
                Arguments.of("POST", "/nodes/pve1/qemu/100/snapshot", form("snapname", "s1"), "Permission check failed (/vms/100, VM.Snapshot)"),
                Arguments.of("POST", "/nodes/pve1/vzdump", form("vmid", 100, "storage", "local"),
                        "Permission check failed (/storage/local, Datastore.AllocateSpace)"),
                Arguments.of("POST", "/nodes/pve1/network", form("iface", "vmbr9", "type", "bridge"),
                        "Permission check failed (/nodes/pve1, Sys.Modify)"),
                Arguments.of("PUT", "/nodes/pve1/network", form(), "Permission check failed (/nodes/pve1, Sys.Modify)"),
                Arguments.of("DELETE", "/nodes/pve1/network/vmbr1", form(), "Permission check failed (/nodes/pve1, Sys.Modify)"),
                Arguments.of("POST", "/storage", form("storage", "nfs9", "type", "dir", "path", "/mnt/x"),
                        "Permission check failed (/storage, Datastore.Allocate)"),
                Arguments.of("DELETE", "/storage/local", form(), "Permission check failed (/storage, Datastore.Allocate)"),
                Arguments.of("POST", "/pools", form("poolid", "p9"), "Permission check failed (/pool/p9, Pool.Allocate)"),
                Arguments.of("PUT", "/pools", form("poolid", "production", "vms", "100", "allow-move", 1),
                        "Permission check failed (/pool/production, Pool.Allocate)"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void aReadOnlyTokenIsRefusedEveryWriteWithPvesMessage(String method, String path, Map<String, String> params, String message) {
        int guests = server.guestCount();
        PveHttp.Response r = method.equals("DELETE") ? auditor.send("DELETE", path + query(params), null, null)
                : method.equals("PUT") ? auditor.put(path, params) : auditor.post(path, params);
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.message()).isEqualTo(message + "\n");
        assertThat(server.guestCount()).isEqualTo(guests);
    }

    @Test
    void aConfigChangeNeedsThePrivilegeOfEachOptionGroupNotJustAnyOne() {
        PveHttp options = new PveHttp(server).token(server.addToken("ops@pve", "opts", plus(Privileges.AUDITOR, "VM.Config.Options")));
        assertThat(options.put("/nodes/pve1/qemu/100/config", form("description", "ok")).status()).isEqualTo(200);
        PveHttp.Response cpu = options.put("/nodes/pve1/qemu/100/config", form("description", "x", "cores", 4));
        assertThat(cpu.status()).isEqualTo(403);
        assertThat(cpu.message()).isEqualTo("Permission check failed (/vms/100, VM.Config.CPU)\n");
        PveHttp.Response delete = options.put("/nodes/pve1/qemu/100/config", form("delete", "balloon"));
        assertThat(delete.message()).isEqualTo("Permission check failed (/vms/100, VM.Config.Memory)\n");
    }

    @Test
    void aNicNeedsSdnUseOnTheBridgeAndANewDiskNeedsSpaceOnItsStorage() {
        Set<String> vm = plus(Privileges.AUDITOR, "VM.Allocate", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Options",
                "VM.Config.Network", "VM.Config.Disk", "VM.Config.HWType");
        PveHttp noSdn = new PveHttp(server).token(server.addToken("ops@pve", "nosdn", vm));
        PveHttp.Response nic = noSdn.post("/nodes/pve1/qemu", form("vmid", 993, "name", "n", "net0", "virtio,bridge=vmbr1,tag=20"));
        assertThat(nic.message()).isEqualTo("Permission check failed (/sdn/zones/localnetwork/vmbr1/20, SDN.Use)\n");
        PveHttp.Response disk = noSdn.post("/nodes/pve1/qemu", form("vmid", 993, "name", "n", "scsi0", "local-lvm:8"));
        assertThat(disk.message()).isEqualTo("Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)\n");
        PveHttp full = new PveHttp(server).token(server.addToken("ops@pve", "full", plus(vm, "SDN.Use", "Datastore.AllocateSpace")));
        assertThat(full.runTask(full.post("/nodes/pve1/qemu", form("vmid", 993, "name", "n", "net0", "virtio,bridge=vmbr1,tag=20",
                "scsi0", "local-lvm:8")))).isEqualTo("OK");
    }

    @Test
    void aPrivilegedContainerNeedsSysModify() {
        Set<String> ct = plus(Privileges.AUDITOR, "VM.Allocate", "VM.Config.Disk", "VM.Config.Options", "Datastore.AllocateSpace");
        PveHttp http = new PveHttp(server).token(server.addToken("ops@pve", "ct", ct));
        PveHttp.Response privileged = http.post("/nodes/pve1/lxc", form("vmid", 994, "ostemplate",
                "local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz", "rootfs", "local-lvm:4"));
        assertThat(privileged.message()).isEqualTo("Permission check failed (/, Sys.Modify)\n");
        PveHttp.Response unprivileged = http.post("/nodes/pve1/lxc", form("vmid", 994, "ostemplate",
                "local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz", "rootfs", "local-lvm:4", "unprivileged", 1));
        assertThat(unprivileged.status()).as(unprivileged.body()).isEqualTo(200);
    }

    private static Set<String> plus(Set<String> base, String... more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(Set.of(more));
        return s;
    }

    private static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("?");
        params.forEach((k, v) -> b.append(b.length() > 1 ? "&" : "").append(k).append('=').append(v));
        return b.toString();
    }
}
