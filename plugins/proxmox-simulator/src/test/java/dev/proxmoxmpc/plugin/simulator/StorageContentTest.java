package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code download-url} and {@code DELETE .../content/{volume}}: the checks PVE makes before it forks, the task that
 * adds or removes the file, and the permissions each needs.
 */
class StorageContentTest {
    private static final String ISO_URL = "https://cdimage.example.org/alpine-virt-3.20.3-x86_64.iso";
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> volids(String node, String storage, String content) {
        List<String> out = new ArrayList<>();
        http.get("/nodes/" + node + "/storage/" + storage + "/content?content=" + content).data()
                .forEach(v -> out.add(v.get("volid").asText()));
        return out;
    }

    private PveHttp.Response download(String storage, Map<String, String> form) {
        return http.post("/nodes/pve1/storage/" + storage + "/download-url", form);
    }

    private static String encoded(String volid) {
        return URLEncoder.encode(volid, StandardCharsets.UTF_8);
    }

    @Test
    void downloadUrlAddsTheIsoWhenItsTaskEnds() {
        server.faults().holdTasks();
        String upid = download("local", form("url", ISO_URL, "content", "iso", "filename", "alpine-virt-3.20.3-x86_64.iso"))
                .data().asText();
        assertThat(upid).startsWith("UPID:pve1:").contains(":download:alpine-virt-3.20.3-x86_64.iso:root@pam!mpc:");
        assertThat(volids("pve1", "local", "iso")).doesNotContain("local:iso/alpine-virt-3.20.3-x86_64.iso");
        server.faults().releaseTasks();
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        JsonNode row = http.get("/nodes/pve1/storage/local/content?content=iso").data().findParents("volid").stream()
                .filter(v -> v.get("volid").asText().equals("local:iso/alpine-virt-3.20.3-x86_64.iso")).findFirst().orElseThrow();
        assertThat(row.get("format").asText()).isEqualTo("iso");
        assertThat(row.get("size").asLong()).isPositive();
        assertThat(volids("pve2", "local", "iso")).as("local is not shared: the file is on pve1 only").isEmpty();
        JsonNode log = http.get("/nodes/pve1/tasks/" + upid + "/log").data();
        assertThat(log.get(0).get("t").asText()).isEqualTo("downloading " + ISO_URL + " to /var/lib/vz/template/iso/alpine-virt-3.20.3-x86_64.iso");
    }

    @Test
    void aTemplateIsListedWithPvesFormatAndANormalisedName() {
        String exit = http.runTask(download("local", form("url", "http://mirror.example.org/t/rocky 9.tar.xz", "content", "vztmpl",
                "filename", "../../tmp/rocky 9 (default).tar.xz")));
        assertThat(exit).isEqualTo("OK");
        JsonNode templates = http.get("/nodes/pve1/storage/local/content?content=vztmpl").data();
        JsonNode rocky = templates.findParents("volid").stream()
                .filter(v -> v.get("volid").asText().equals("local:vztmpl/rocky_9__default_.tar.xz")).findFirst().orElseThrow();
        assertThat(rocky.get("format").asText()).isEqualTo("txz");
        assertThat(templates.findParents("volid").stream()
                .filter(v -> v.get("volid").asText().endsWith(".tar.zst")).map(v -> v.get("format").asText()))
                .isNotEmpty().containsOnly("tzst");
    }

    @Test
    void refusesAStorageThatIsNotFileBasedOrDoesNotHoldTheContent() {
        PveHttp.Response lvm = download("local-lvm", form("url", ISO_URL, "content", "iso", "filename", "a.iso"));
        assertThat(lvm.status()).isEqualTo(500);
        assertThat(lvm.message()).isEqualTo("can't upload to storage type 'lvmthin', not a file based storage!\n");
        PveHttp.Response imports = download("local", form("url", ISO_URL, "content", "import", "filename", "a.qcow2"));
        assertThat(imports.status()).isEqualTo(500);
        assertThat(imports.message()).isEqualTo("storage 'local' is not configured for content-type 'import'\n");
        PveHttp.Response backup = download("local", form("url", ISO_URL, "content", "backup", "filename", "a.vma"));
        assertThat(backup.status()).isEqualTo(400);
        assertThat(backup.json().path("errors").path("content").asText()).contains("enumeration 'iso, vztmpl, import'");
    }

    @Test
    void checksTheFileEndingTheUrlAndTheChecksumPair() {
        PveHttp.Response ending = download("local", form("url", ISO_URL, "content", "iso", "filename", "notes.txt"));
        assertThat(ending.status()).isEqualTo(400);
        assertThat(ending.json().path("errors").path("filename").asText()).isEqualTo("wrong file extension");
        PveHttp.Response bare = download("local", form("url", ISO_URL, "content", "vztmpl", "filename", ".tar.zst"));
        assertThat(bare.json().path("errors").path("filename").asText()).isEqualTo("wrong file extension");
        PveHttp.Response ftp = download("local", form("url", "ftp://example.org/a.iso", "content", "iso", "filename", "a.iso"));
        assertThat(ftp.json().path("errors").path("url").asText()).isEqualTo("value does not match the regex pattern");
        PveHttp.Response checksum = download("local", form("url", ISO_URL, "content", "iso", "filename", "a.iso", "checksum", "ab12"));
        assertThat(checksum.status()).isEqualTo(400);
        assertThat(checksum.json().path("errors").path("checksum-algorithm").asText())
                .isEqualTo("missing property - 'checksum' requires this property");
    }

    @Test
    void anExistingFileFailsTheTaskLikePvesRefusalToOverrideIt() {
        String exit = http.runTask(download("local", form("url", ISO_URL, "content", "iso",
                "filename", "debian-12.8.0-amd64-netinst.iso")));
        assertThat(exit).isEqualTo("refusing to override existing file '/var/lib/vz/template/iso/debian-12.8.0-amd64-netinst.iso'");
        assertThat(http.runTask(download("local", form("url", ISO_URL, "content", "vztmpl", "filename", "x.tar.zst",
                "compression", "gz")))).isEqualTo("decompression not supported for vztmpl");
    }

    @Test
    void downloadNeedsAllocateTemplateOnTheStorage() {
        PveHttp.Response r = http.token(server.faults().tokenWithoutPrivileges())
                .post("/nodes/pve1/storage/local/download-url", form("url", ISO_URL, "content", "iso", "filename", "a.iso"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("Permission check failed (/storage/local, Datastore.AllocateTemplate)\n");
    }

    @Test
    void downloadAlsoNeedsSysModifyOnRootOrAccessNetworkOnTheNode() {
        ApiToken templatesOnly = server.addToken("root@pam", "templates", Set.of("Datastore.AllocateTemplate"));
        PveHttp.Response r = new PveHttp(server).token(templatesOnly)
                .post("/nodes/pve1/storage/local/download-url", form("url", ISO_URL, "content", "iso", "filename", "a.iso"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.message()).isEqualTo("Permission check failed (/, Sys.Audit)\n");
        ApiToken network = server.addToken("root@pam", "network", Set.of("Datastore.AllocateTemplate", "Sys.AccessNetwork"));
        PveHttp allowed = new PveHttp(server).token(network);
        assertThat(allowed.runTask(allowed.post("/nodes/pve1/storage/local/download-url",
                form("url", ISO_URL, "content", "iso", "filename", "a.iso")))).isEqualTo("OK");
    }

    @Test
    void deleteRemovesTheVolumeInAnImgdelTask() {
        String volid = "local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz";
        PveHttp.Response r = http.delete("/nodes/pve1/storage/local/content/" + encoded(volid));
        assertThat(r.data().asText()).contains(":imgdel:local:root@pam!mpc:");
        assertThat(http.waitTask(r.data().asText()).get("exitstatus").asText()).isEqualTo("OK");
        assertThat(volids("pve1", "local", "vztmpl")).doesNotContain(volid).isNotEmpty();
        JsonNode log = http.get("/nodes/pve1/tasks/" + r.data().asText() + "/log").data();
        assertThat(log.get(0).get("t").asText()).isEqualTo("Removed volume '" + volid + "'");
    }

    @Test
    void deleteTakesAVolumeNameOnThePathsStorageAndRefusesAnotherStorage() {
        assertThat(http.runTask(http.delete("/nodes/pve1/storage/local/content/"
                + encoded("iso/ubuntu-24.04.1-live-server-amd64.iso")))).isEqualTo("OK");
        assertThat(volids("pve1", "local", "iso")).containsExactly("local:iso/debian-12.8.0-amd64-netinst.iso");
        PveHttp.Response mismatch = http.delete("/nodes/pve1/storage/local-lvm/content/"
                + encoded("local:iso/debian-12.8.0-amd64-netinst.iso"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().path("errors").path("volume").asText()).isEqualTo("storage ID mismatch (local != local-lvm)");
        PveHttp.Response garbage = http.delete("/nodes/pve1/storage/local/content/" + encoded("local:nothing-here"));
        assertThat(garbage.status()).isEqualTo(500);
        assertThat(garbage.message()).isEqualTo("unable to parse directory volume name 'nothing-here'\n");
    }

    @Test
    void deletingAFileThatIsNotThereEndsWithAWarning() {
        String upid = http.delete("/nodes/pve2/storage/local/content/" + encoded("local:iso/debian-12.8.0-amd64-netinst.iso"))
                .data().asText();
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("WARNINGS: 1");
        assertThat(volids("pve1", "local", "iso")).as("the file on pve1 is untouched").hasSize(2);
    }

    @Test
    void deleteNeedsDatastoreAllocateAndForABackupAllocateSpace() {
        http.runTask(http.post("/nodes/pve1/vzdump", form("vmid", 102, "storage", "local")));
        String backup = volids("pve1", "local", "backup").get(0);
        PveHttp weak = new PveHttp(server).token(server.faults().tokenWithoutPrivileges());
        PveHttp.Response iso = weak.delete("/nodes/pve1/storage/local/content/" + encoded("local:iso/debian-12.8.0-amd64-netinst.iso"));
        assertThat(iso.status()).isEqualTo(403);
        assertThat(iso.message()).isEqualTo("Permission check failed (/storage/local, Datastore.Allocate)\n");
        PveHttp.Response dump = weak.delete("/nodes/pve1/storage/local/content/" + encoded(backup));
        assertThat(dump.message()).isEqualTo("Permission check failed (/storage/local, Datastore.AllocateSpace)\n");
        String upid = http.delete("/nodes/pve1/storage/local/content/" + encoded(backup)).data().asText();
        assertThat(upid).contains(":imgdel:102@local:");
        assertThat(http.waitTask(upid).get("exitstatus").asText()).isEqualTo("OK");
        assertThat(volids("pve1", "local", "backup")).isEmpty();
    }
}
