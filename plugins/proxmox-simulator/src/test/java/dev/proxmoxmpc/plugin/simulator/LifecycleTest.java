package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Create, configure, clone, migrate, resize, snapshot, back up, restore and destroy, over real HTTPS. */
class LifecycleTest {
    static SimulatorServer server;
    static PveHttp http;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(30).build());
        http = new PveHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode config(String node, String kind, int vmid) {
        PveHttp.Response r = http.get("/nodes/" + node + "/" + kind + "/" + vmid + "/config");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    @Test
    void createReadsBackAllocatedDisksGeneratedMacsAndStringMemory() {
        assertThat(http.runTask(http.post("/nodes/pve2/qemu", form("vmid", 600, "name", "fresh", "memory", 1024, "cores", 2,
                "net0", "virtio,bridge=vmbr0", "scsi0", "local-lvm:8", "ide2", "local-lvm:cloudinit", "tags", "Web,prod;web",
                "cipassword", "hunter2")))).isEqualTo("OK");
        JsonNode cfg = config("pve2", "qemu", 600);
        assertThat(cfg.get("net0").asText()).matches("virtio=BC:24:11:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2},bridge=vmbr0");
        assertThat(cfg.get("scsi0").asText()).isEqualTo("local-lvm:vm-600-disk-0,size=8G");
        assertThat(cfg.get("ide2").asText()).isEqualTo("local-lvm:vm-600-cloudinit,media=cdrom");
        assertThat(cfg.get("memory").isTextual()).isTrue();
        assertThat(cfg.get("memory").asText()).isEqualTo("1024");
        assertThat(cfg.get("cores").isNumber()).isTrue();
        assertThat(cfg.get("tags").asText()).isEqualTo("prod;web");
        assertThat(cfg.get("cipassword").asText()).isEqualTo("**********");
        assertThat(cfg.get("digest").asText()).matches("[0-9a-f]{40}");
        assertThat(cfg.has("vmid")).isFalse();
        assertThat(cfg.get("boot").asText()).isEqualTo("order=scsi0;net0");
        PveHttp.Response dup = http.post("/nodes/pve1/qemu", form("vmid", 600));
        assertThat(dup.status()).isEqualTo(500);
        assertThat(dup.message()).isEqualTo("VM 600 already exists on node 'pve2'\n");
        assertThat(http.get("/cluster/nextid?vmid=600").json().get("errors").get("vmid").asText()).isEqualTo("VM 600 already exists");
    }

    @Test
    void digestMismatchIsRefusedAndDeleteMovesDisksToUnused() {
        http.runTask(http.post("/nodes/pve1/qemu", form("vmid", 601, "scsi0", "local-lvm:4", "scsi1", "local-lvm:2", "description", "x")));
        String digest = config("pve1", "qemu", 601).get("digest").asText();
        assertThat(http.put("/nodes/pve1/qemu/601/config", form("cores", 2, "digest", digest)).status()).isEqualTo(200);
        PveHttp.Response stale = http.put("/nodes/pve1/qemu/601/config", form("cores", 4, "digest", digest));
        assertThat(stale.status()).isEqualTo(500);
        assertThat(stale.message()).isEqualTo("checksum mismatch (file change by other user?)\n");
        assertThat(http.put("/nodes/pve1/qemu/601/config", form("delete", "scsi1,description")).status()).isEqualTo(200);
        JsonNode cfg = config("pve1", "qemu", 601);
        assertThat(cfg.has("scsi1")).isFalse();
        assertThat(cfg.has("description")).isFalse();
        assertThat(cfg.get("unused0").asText()).isEqualTo("local-lvm:vm-601-disk-1");
        String upid = http.post("/nodes/pve1/qemu/601/config", form("memory", 2048)).data().asText();
        assertThat(upid).contains(":qmconfig:601:");
        http.waitTask(upid);
        assertThat(config("pve1", "qemu", 601).get("memory").asText()).isEqualTo("2048");
    }

    @Test
    void everyConfigChangeChangesTheDigestAndAContainerRefusesAStaleOne() {
        http.waitTask(http.post("/nodes/pve2/lxc", form("vmid", 655, "hostname", "digest-ct", "memory", 512,
                "ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "rootfs", "local-lvm:2")).data().asText());
        List<String> digests = new ArrayList<>();
        digests.add(config("pve2", "lxc", 655).get("digest").asText());
        for (int memory : new int[] {1024, 2048, 1024}) {
            String current = digests.get(digests.size() - 1);
            assertThat(http.put("/nodes/pve2/lxc/655/config", form("memory", memory, "digest", current)).status()).isEqualTo(200);
            digests.add(config("pve2", "lxc", 655).get("digest").asText());
        }
        assertThat(digests.subList(0, 3)).doesNotHaveDuplicates().allMatch(d -> d.matches("[0-9a-f]{40}"));
        assertThat(digests.get(3)).as("the same file content has the same digest").isEqualTo(digests.get(1));
        PveHttp.Response stale = http.put("/nodes/pve2/lxc/655/config", form("cores", 2, "digest", digests.get(0)));
        assertThat(stale.status()).isEqualTo(500);
        assertThat(stale.message()).isEqualTo("detected modified configuration - file changed by other user? Try again.\n");
        assertThat(config("pve2", "lxc", 655).path("cores").asText()).isNotEqualTo("2");
        PveHttp.Response staleVm = http.post("/nodes/pve1/qemu/100/config", form("cores", 3, "digest", "0".repeat(40)));
        assertThat(staleVm.status()).as("an asynchronous qemu write checks the digest before it forks").isEqualTo(500);
        assertThat(staleVm.message()).isEqualTo("checksum mismatch (file change by other user?)\n");
    }

    @Test
    void linkedCloneFromATemplateAndFullCloneToAnotherStorageName() {
        assertThat(http.runTask(http.post("/nodes/pve1/qemu/9000/clone", form("newid", 610, "name", "linked")))).isEqualTo("OK");
        JsonNode linked = config("pve1", "qemu", 610);
        assertThat(linked.get("scsi0").asText()).startsWith("local-lvm:base-9000-disk-0/vm-610-disk-0,");
        assertThat(linked.get("name").asText()).isEqualTo("linked");
        assertThat(linked.has("template")).isFalse();
        assertThat(http.runTask(http.post("/nodes/pve1/qemu/9000/clone", form("newid", 611, "name", "full", "full", 1,
                "target", "pve2")))).isEqualTo("OK");
        JsonNode full = config("pve2", "qemu", 611);
        assertThat(full.get("scsi0").asText()).startsWith("local-lvm:vm-611-disk-0,");
        assertThat(full.get("net0").asText()).isNotEqualTo(config("pve1", "qemu", 9000).get("net0").asText());
        JsonNode content = http.get("/nodes/pve1/storage/local-lvm/content?vmid=610").data();
        assertThat(content.findValuesAsText("parent")).containsExactly("local-lvm:base-9000-disk-0");
        assertThat(http.runTask(http.post("/nodes/pve1/qemu/100/clone", form("newid", 612, "full", 0))))
                .isEqualTo("clone failed: clone_image only works on base images");
        assertThat(http.get("/nodes/pve1/qemu/612/config").status()).isEqualTo(500);
    }

    @Test
    void templateCannotBeStartedAndConversionRenamesDisks() {
        PveHttp.Response start = http.post("/nodes/pve1/qemu/9000/status/start", Map.of());
        assertThat(start.message()).isEqualTo("you can't start a vm if it's a template\n");
        http.runTask(http.post("/nodes/pve3/qemu", form("vmid", 620, "scsi0", "local-lvm:2")));
        assertThat(http.runTask(http.post("/nodes/pve3/qemu/620/template", Map.of()))).isEqualTo("OK");
        JsonNode cfg = config("pve3", "qemu", 620);
        assertThat(cfg.get("template").asInt()).isEqualTo(1);
        assertThat(cfg.get("scsi0").asText()).startsWith("local-lvm:base-620-disk-0");
    }

    @Test
    void migrateMovesAGuestAndRefusesARunningVmWithoutOnline() {
        PveHttp.Response refused = http.post("/nodes/pve2/qemu/107/migrate", form("target", "pve3"));
        assertThat(refused.message()).isEqualTo("can't migrate running VM without --online\n");
        assertThat(http.runTask(http.post("/nodes/pve2/qemu/107/migrate", form("target", "pve3", "online", 1)))).isEqualTo("OK");
        assertThat(config("pve3", "qemu", 107).get("name").asText()).isEqualTo("gitlab");
        assertThat(http.get("/nodes/pve2/qemu/107/config").status()).isEqualTo(500);
        assertThat(http.runTask(http.post("/nodes/pve3/lxc/202/migrate", form("target", "pve1", "restart", 1)))).isEqualTo("OK");
        assertThat(config("pve1", "lxc", 202).get("hostname").asText()).isEqualTo("reverse-proxy");
    }

    @Test
    void resizeGrowsAndNeverShrinks() {
        assertThat(http.runTask(http.put("/nodes/pve3/qemu/108/resize", form("disk", "scsi0", "size", "+20G")))).isEqualTo("OK");
        assertThat(config("pve3", "qemu", 108).get("scsi0").asText()).contains("size=100G");
        assertThat(http.put("/nodes/pve3/qemu/108/resize", form("disk", "scsi0", "size", "10G")).message())
                .isEqualTo("shrinking disks is not supported\n");
        assertThat(http.runTask(http.put("/nodes/pve1/lxc/203/resize", form("disk", "rootfs", "size", "16G")))).isEqualTo("OK");
        assertThat(config("pve1", "lxc", 203).get("rootfs").asText()).isEqualTo("local-lvm:vm-203-disk-0,size=16G");
    }

    @Test
    void snapshotsListEndsWithCurrentAndRollbackRestoresTheConfig() {
        assertThat(http.runTask(http.post("/nodes/pve2/qemu/104/snapshot", form("snapname", "before", "description", "pre-upgrade"))))
                .isEqualTo("OK");
        http.put("/nodes/pve2/qemu/104/config", form("cores", 16));
        JsonNode list = http.get("/nodes/pve2/qemu/104/snapshot").data();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("name").asText()).isEqualTo("before");
        assertThat(list.get(1).get("name").asText()).isEqualTo("current");
        assertThat(list.get(1).get("description").asText()).isEqualTo("You are here!");
        assertThat(list.get(1).get("parent").asText()).isEqualTo("before");
        assertThat(http.post("/nodes/pve2/qemu/104/snapshot", form("snapname", "before")).message())
                .isEqualTo("snapshot name 'before' already used\n");
        assertThat(http.runTask(http.post("/nodes/pve2/qemu/104/snapshot/before/rollback", Map.of()))).isEqualTo("OK");
        assertThat(config("pve2", "qemu", 104).get("cores").asInt()).isEqualTo(4);
        assertThat(http.runTask(http.delete("/nodes/pve2/qemu/104/snapshot/before"))).isEqualTo("OK");
        assertThat(http.get("/nodes/pve2/qemu/104/snapshot").data()).hasSize(1);
    }

    @Test
    void vzdumpThenRestoreIntoANewVmid() {
        String upid = http.post("/nodes/pve1/vzdump", form("vmid", 102, "storage", "local", "mode", "snapshot", "compress", "zstd"))
                .data().asText();
        assertThat(upid).contains(":vzdump:102:");
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        JsonNode backups = http.get("/nodes/pve1/storage/local/content?content=backup").data();
        assertThat(backups).hasSize(1);
        String volid = backups.get(0).get("volid").asText();
        assertThat(volid).matches("local:backup/vzdump-qemu-102-\\d{4}_\\d{2}_\\d{2}-\\d{2}_\\d{2}_\\d{2}\\.vma\\.zst");
        assertThat(backups.get(0).get("subtype").asText()).isEqualTo("qemu");
        String restore = http.post("/nodes/pve1/qemu", form("vmid", 630, "archive", volid, "storage", "local-lvm")).data().asText();
        assertThat(restore).contains(":qmrestore:630:");
        assertThat(http.waitTask(restore).get("exitstatus").asText()).isEqualTo("OK");
        JsonNode cfg = config("pve1", "qemu", 630);
        assertThat(cfg.get("name").asText()).isEqualTo("db-01");
        assertThat(cfg.get("scsi1").asText()).startsWith("local-lvm:vm-630-disk-");
        assertThat(http.post("/nodes/pve1/qemu", form("vmid", 630, "archive", volid)).message())
                .isEqualTo("unable to restore VM 630 - VM 630 already exists on node 'pve1'\n");
        http.runTask(http.post("/nodes/pve1/vzdump", form("vmid", 200, "storage", "local")));
        String ctBackup = http.get("/nodes/pve1/storage/local/content?vmid=200").data().get(0).get("volid").asText();
        String ct = http.post("/nodes/pve1/lxc", form("vmid", 631, "ostemplate", ctBackup, "restore", 1)).data().asText();
        assertThat(ct).contains(":vzrestore:631:");
        http.waitTask(ct);
        assertThat(config("pve1", "lxc", 631).get("hostname").asText()).isEqualTo("dns-01");
    }

    @Test
    void destroyRefusesARunningGuestAndPurgesAStoppedOne() {
        assertThat(http.delete("/nodes/pve1/qemu/100").message()).isEqualTo("VM 100 is running - destroy failed\n");
        http.runTask(http.post("/nodes/pve3/qemu", form("vmid", 640, "scsi0", "local-lvm:1", "pool", "production")));
        assertThat(http.get("/pools?poolid=production").data().get(0).get("members").toString()).contains("\"vmid\":640");
        String upid = http.delete("/nodes/pve3/qemu/640?purge=1&destroy-unreferenced-disks=1").data().asText();
        assertThat(upid).contains(":qmdestroy:640:");
        http.waitTask(upid);
        assertThat(http.get("/nodes/pve3/qemu/640/config").status()).isEqualTo(500);
        assertThat(http.get("/pools?poolid=production").data().get(0).get("members").toString()).doesNotContain("\"vmid\":640");
        assertThat(http.get("/nodes/pve3/storage/local-lvm/content?vmid=640").data()).isEmpty();
    }

    @Test
    void containerLifecycleAsRecorded() {
        String upid = http.post("/nodes/pve2/lxc", form("vmid", 650, "hostname", "ct-test", "memory", 512, "cores", 1,
                "ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "password", "secret",
                "rootfs", "local-lvm:8", "net0", "name=eth0,bridge=vmbr0,ip=dhcp")).data().asText();
        assertThat(upid).contains(":vzcreate:650:root@pam!mpc:");
        http.waitTask(upid);
        JsonNode cfg = config("pve2", "lxc", 650);
        assertThat(cfg.get("net0").asText()).matches("name=eth0,bridge=vmbr0,hwaddr=BC:24:11:[0-9A-F:]{8},ip=dhcp,type=veth");
        assertThat(cfg.get("rootfs").asText()).isEqualTo("local-lvm:vm-650-disk-0,size=8G");
        assertThat(cfg.get("memory").isNumber()).isTrue();
        assertThat(cfg.has("password")).isFalse();
        List<String> exits = new ArrayList<>();
        exits.add(http.runTask(http.post("/nodes/pve2/lxc/650/status/start", Map.of())));
        exits.add(http.runTask(http.post("/nodes/pve2/lxc/650/status/shutdown", Map.of())));
        exits.add(http.runTask(http.delete("/nodes/pve2/lxc/650")));
        assertThat(exits).containsOnly("OK");
    }

    @Test
    void storageNetworkAndPoolWrites() {
        assertThat(http.post("/storage", form("storage", "nfs-backup", "type", "nfs", "server", "10.0.0.5",
                "export", "/srv/backup", "content", "backup")).status()).isEqualTo(200);
        JsonNode defs = http.get("/storage").data();
        assertThat(defs.findValuesAsText("storage")).contains("nfs-backup");
        assertThat(http.post("/storage", form("storage", "nfs-backup", "type", "nfs", "server", "x", "export", "/x"))
                .message()).contains("already defined");
        assertThat(http.post("/nodes/pve3/network", form("iface", "vmbr9", "type", "bridge", "autostart", 1)).status()).isEqualTo(200);
        assertThat(http.get("/nodes/pve3/network?type=bridge").data().findValuesAsText("iface")).contains("vmbr0", "vmbr1", "vmbr9");
        assertThat(http.post("/pools", form("poolid", "lab", "comment", "Lab")).status()).isEqualTo(200);
        assertThat(http.get("/pools").data().findValuesAsText("poolid")).contains("lab", "production");
    }
}
