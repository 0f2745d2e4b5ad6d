package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /storage} and {@code /storage/{storage}}: the storage plugins' option rules, digest, delete, privileges. */
class StorageConfigTest {
    private final SimulatorServer server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(20).build());
    private final PveHttp http = new PveHttp(server);

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode storage(String id) {
        PveHttp.Response r = http.get("/storage/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private static void assertFailed(PveHttp.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.message()).isEqualTo(message + "\n");
    }

    @Test
    void readsOneDefinitionWithTheFilesDigest() {
        JsonNode local = storage("local");
        assertThat(local.get("type").asText()).isEqualTo("dir");
        assertThat(local.get("path").asText()).isEqualTo("/var/lib/vz");
        assertThat(local.get("digest").asText()).matches("[0-9a-f]{40}")
                .isEqualTo(http.get("/storage").data().get(0).get("digest").asText());
        assertFailed(http.get("/storage/nope"), "storage 'nope' does not exist");
    }

    @Test
    void updateSetsAndDeletesOptionsAndRefusesAStaleDigest() {
        String digest = storage("local").get("digest").asText();
        PveHttp.Response r = http.put("/storage/local", form("content", "iso,backup,images", "nodes", "pve1,pve2",
                "max-protected-backups", 3, "digest", digest));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("storage").asText()).isEqualTo("local");
        assertThat(r.data().get("type").asText()).isEqualTo("dir");
        JsonNode local = storage("local");
        assertThat(local.get("content").asText()).isEqualTo("iso,backup,images");
        assertThat(local.get("nodes").asText()).isEqualTo("pve1,pve2");
        assertThat(local.get("max-protected-backups").isNumber()).isTrue();
        assertThat(local.get("digest").asText()).isNotEqualTo(digest);

        assertFailed(http.put("/storage/local", form("content", "iso", "digest", digest)),
                "update storage failed: detected modified configuration - file changed by other user? Try again.");
        assertThat(storage("local").get("content").asText()).isEqualTo("iso,backup,images");
        assertThat(http.put("/storage/local", form("delete", "nodes,content")).status()).isEqualTo(200);
        JsonNode reset = storage("local");
        assertThat(reset.has("nodes")).isFalse();
        assertThat(reset.get("content").asText()).as("the dir plugin's default").isEqualTo("images,rootdir");
    }

    @Test
    void theTypeAndFixedOrRequiredOptionsStay() {
        assertThat(http.put("/storage/local", form("type", "nfs")).json().get("errors").get("type").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
        assertFailed(http.put("/storage/local", form("krbd", 1)), "update storage failed: unexpected property 'krbd'");
        assertFailed(http.put("/storage/local", form("delete", "path")), "update storage failed: unable to delete required option 'path'");
        assertFailed(http.put("/storage/local", form("delete", "krbd")), "update storage failed: no such option 'krbd'");
        assertFailed(http.put("/storage/local", form("content", "iso", "delete", "content")),
                "update storage failed: cannot set and delete property 'content' at the same time!");
        assertFailed(http.put("/storage/nope", form("content", "iso")), "update storage failed: storage 'nope' does not exist");
        http.post("/storage", form("storage", "nfs1", "type", "nfs", "server", "10.0.0.5", "export", "/srv"));
        assertFailed(http.put("/storage/nfs1", form("server", "10.0.0.6")),
                "update storage failed: can't change value of fixed parameter 'server'");
        assertThat(storage("nfs1").get("server").asText()).isEqualTo("10.0.0.5");
    }

    @Test
    void createFollowsThePluginsOptionsAndContentTypes() {
        assertFailed(http.post("/storage", form("storage", "d1", "type", "dir")), "missing value for required option 'path'");
        assertFailed(http.post("/storage", form("storage", "d1", "type", "dir", "path", "/srv/d1", "krbd", 1)),
                "unexpected property 'krbd'");
        assertFailed(http.post("/storage", form("storage", "d1", "type", "dir", "path", "/srv/d 1")),
                "illegal path for directory storage: /srv/d 1");
        assertFailed(http.post("/storage", form("storage", "t1", "type", "lvmthin", "vgname", "pve", "thinpool", "t",
                "content", "backup")), "storage does not support content type 'none'");
        http.post("/storage", form("storage", "t1", "type", "lvmthin", "vgname", "pve", "thinpool", "t", "content", "rootdir,backup"));
        assertThat(storage("t1").get("content").asText()).as("unsupported types are dropped with a warning").isEqualTo("rootdir");
        http.post("/storage", form("storage", "nfs2", "type", "nfs", "server", "10.0.0.5", "export", "/srv", "password", "x"));
        JsonNode nfs = storage("nfs2");
        assertThat(nfs.get("path").asText()).isEqualTo("/mnt/pve/nfs2");
        assertThat(nfs.get("shared").asInt()).isEqualTo(1);
        assertThat(nfs.get("content").asText()).isEqualTo("images");
        assertThat(nfs.has("password")).as("secrets are kept out of storage.cfg").isFalse();
    }

    @Test
    void deleteRemovesTheDefinitionButNotTheGuestsAndLeavesPools() {
        http.post("/pools", form("poolid", "lab"));
        http.put("/pools", form("poolid", "lab", "storage", "local"));
        assertThat(http.delete("/storage/local").status()).isEqualTo(200);
        assertThat(http.get("/storage").data().findValuesAsText("storage")).containsExactly("local-lvm", "nas");
        assertThat(http.get("/pools?poolid=lab").data().get(0).get("members")).isEmpty();
        assertThat(http.get("/nodes/pve1/qemu/100/config").status()).isEqualTo(200);
        assertFailed(http.delete("/storage/local"), "delete storage failed: storage 'local' does not exist");

        http.post("/storage", form("storage", "san", "type", "iscsi", "portal", "10.0.0.9", "target", "iqn.2024-01.lab:san"));
        http.post("/storage", form("storage", "sanlvm", "type", "lvm", "vgname", "san", "base", "san:0.0.1.scsi-abc"));
        assertFailed(http.delete("/storage/san"), "delete storage failed: can't remove storage - storage is used as base of another storage");
    }

    @Test
    void readingOneAndEveryWriteNeedDatastoreAllocate() {
        PveHttp audit = new PveHttp(server).token(server.addToken("root@pam", "audit", Set.of("Datastore.Audit")));
        assertThat(audit.get("/storage").data()).hasSize(3);
        assertThat(audit.get("/storage/local").message()).isEqualTo("Permission check failed (/storage/local, Datastore.Allocate)\n");
        assertThat(audit.put("/storage/local", form("content", "iso")).message())
                .isEqualTo("Permission check failed (/storage, Datastore.Allocate)\n");
        assertThat(audit.delete("/storage/local").status()).isEqualTo(403);
        assertThat(storage("local").get("content").asText()).isEqualTo("iso,vztmpl,backup,snippets");
    }
}
