package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.state.AuditEntry;
import dev.proxmoxmpc.spi.state.JournalEntry;
import dev.proxmoxmpc.spi.state.SyncRun;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;

/**
 * The MyBatis mapper of the state tables ({@code StateMapper.xml}); rows come back as maps with lower-case keys.
 * {@code env} is the environment a row belongs to (schema 5): the desired state's is {@code ""} (shared by all); for
 * snapshot, sync-run and journal reads {@code ""} means every environment's.
 */
interface StateMapper {
    Map<String, Object> inventory(@Param("kind") String kind, @Param("env") String env);

    void upsertInventory(@Param("kind") String kind, @Param("env") String env, @Param("cluster") String cluster, @Param("savedAt") String savedAt);

    void deleteNodes(@Param("kind") String kind, @Param("env") String env);

    void deleteGuests(@Param("kind") String kind, @Param("env") String env);

    void deleteStorages(@Param("kind") String kind, @Param("env") String env);

    void deleteNetworks(@Param("kind") String kind, @Param("env") String env);

    void deletePools(@Param("kind") String kind, @Param("env") String env);

    void deleteObjects(@Param("kind") String kind, @Param("env") String env);

    void insertObject(@Param("kind") String kind, @Param("env") String env, @Param("o") dev.proxmoxmpc.spi.model.ClusterObject object,
                      @Param("config") String config);

    List<Map<String, Object>> objects(@Param("kind") String kind, @Param("env") String env);

    void insertNode(@Param("kind") String kind, @Param("env") String env, @Param("n") Node node);

    List<Map<String, Object>> nodes(@Param("kind") String kind, @Param("env") String env);

    void insertGuest(@Param("kind") String kind, @Param("env") String env, @Param("g") GuestRow guest);

    List<Map<String, Object>> guests(@Param("kind") String kind, @Param("env") String env);

    /** Every column of every guest, to compare with the guests to save. */
    List<Map<String, Object>> guestRows(@Param("kind") String kind, @Param("env") String env);

    void updateGuest(@Param("kind") String kind, @Param("env") String env, @Param("g") GuestRow guest);

    /** Only the runtime column: what a refresh changes on most guests (uptime), no indexed column touched. */
    void updateGuestRuntime(@Param("kind") String kind, @Param("env") String env, @Param("g") GuestRow guest);

    void deleteGuest(@Param("kind") String kind, @Param("env") String env, @Param("vmid") int vmid);

    Map<String, Object> guest(@Param("kind") String kind, @Param("env") String env, @Param("vmid") int vmid);

    /** Every criterion null or empty means any; tags are a prefilter (LIKE), the caller checks them exactly. */
    List<Map<String, Object>> selectGuests(@Param("kind") String kind, @Param("env") String env, @Param("type") String type,
                                           @Param("node") String node, @Param("pool") String pool, @Param("name") String name,
                                           @Param("tags") List<String> tags, @Param("vmids") List<Integer> vmids,
                                           @Param("offset") int offset, @Param("limit") int limit);

    List<Map<String, Object>> guestCounts(@Param("kind") String kind, @Param("env") String env);

    List<Integer> differingGuests(@Param("a") String a, @Param("envA") String envA, @Param("b") String b,
                                  @Param("envB") String envB);

    void insertStorage(@Param("kind") String kind, @Param("env") String env, @Param("id") String id, @Param("type") String type,
                       @Param("config") String config);

    List<Map<String, Object>> storages(@Param("kind") String kind, @Param("env") String env);

    void insertNetwork(@Param("kind") String kind, @Param("env") String env, @Param("node") String node, @Param("iface") String iface,
                       @Param("type") String type, @Param("config") String config);

    List<Map<String, Object>> networks(@Param("kind") String kind, @Param("env") String env);

    void insertPool(@Param("kind") String kind, @Param("env") String env, @Param("id") String id, @Param("comment") String comment);

    /** Gives the observed and base rows of no environment (written before schema 5) to {@code env}. */
    int claimInventories(@Param("env") String env);

    int claimSnapshots(@Param("env") String env);

    int claimJournal(@Param("env") String env);

    List<Map<String, Object>> pools(@Param("kind") String kind, @Param("env") String env);

    void insertEvent(@Param("time") String time, @Param("type") String type, @Param("target") String target,
                     @Param("detail") String detail);

    List<Map<String, Object>> events(@Param("limit") int limit);

    void insertSnapshot(@Param("id") String id, @Param("time") String time, @Param("cause") String cause,
                        @Param("nodes") int nodes, @Param("vms") int vms, @Param("containers") int containers,
                        @Param("document") String document, @Param("content") String content,
                        @Param("env") String env);

    int snapshotExists(@Param("id") String id);

    List<Map<String, Object>> snapshots(@Param("env") String env);

    Map<String, Object> snapshot(@Param("id") String id, @Param("env") String env);

    List<Map<String, Object>> fileHashes();

    /** PostgreSQL only: makes concurrent replacements of the hashes take turns. */
    void lockFileHashes();

    void deleteFileHashes();

    void insertFileHash(@Param("path") String path, @Param("sha256") String sha256);

    void insertSyncRun(@Param("time") String time, @Param("r") SyncRun run);

    Map<String, Object> lastSyncRun(@Param("env") String env);

    void insertAudit(@Param("time") String time, @Param("a") AuditEntry entry);

    List<Map<String, Object>> audit(@Param("limit") int limit);

    void upsertJournal(@Param("time") String time, @Param("status") String status, @Param("e") JournalEntry entry,
                       @Param("env") String env);

    List<Map<String, Object>> openJournal(@Param("env") String env);

    List<Map<String, Object>> journal(@Param("limit") int limit, @Param("env") String env);

    Map<String, Object> lockRow(@Param("name") String name, @Param("env") String env);

    List<Map<String, Object>> lockRows(@Param("env") String env);

    void insertLock(@Param("name") String name, @Param("env") String env, @Param("owner") String owner, @Param("pid") long pid,
                    @Param("host") String host, @Param("since") String since);

    int deleteLock(@Param("name") String name, @Param("env") String env, @Param("pid") long pid, @Param("host") String host,
                   @Param("since") String since);

    int deleteAnyLock(@Param("name") String name, @Param("env") String env);
}
