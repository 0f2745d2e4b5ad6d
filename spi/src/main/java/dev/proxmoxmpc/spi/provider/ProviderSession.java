package dev.proxmoxmpc.spi.provider;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A connection to one server. Thread-safe: {@link #applyAll} may call {@link #apply} from several threads.
 * Every method blocks on the network and throws {@link ProviderException} with a one-line message when the
 * server cannot be used (auth, TLS, connection); a change that the server refuses is a failed
 * {@link ChangeResult}, not an exception.
 */
@API(status = STABLE, since = "1.0")
public interface ProviderSession extends AutoCloseable {

    /** @return version, identity and privileges of the authenticated user or token (used by /init). */
    ServerInfo probe();

    /**
     * Reads the whole cluster.
     *
     * @param progress told the number of requests and each one done; not null
     * @return the observed inventory, each guest with its full config and runtime
     */
    Inventory discover(Progress progress);

    /**
     * Reads the cluster like {@link #discover(Progress)}, but may take a guest from {@code known} instead of reading its
     * config again: only a guest that is not in {@code mustRead}, that the server still lists with the same kind and
     * node, and whose cluster-level summary (what the provider's cheap listing shows: node, status, name, sizes, tags,
     * lock, HA state, pool...) has not changed since the provider last read that guest's config in this same version.
     * Everything else (nodes, storages, networks, pools, other objects) is read as {@link #discover(Progress)} reads
     * it. When in doubt a provider reads the guest; the default reads everything.
     *
     * @param progress told the number of requests and each one done; not null
     * @param known    the inventory stored from the last read of this server (may be empty); not null
     * @param mustRead the VMIDs whose configs are always read (those a plan will change); not null
     * @return the observed inventory, as complete as {@link #discover(Progress)}'s
     * @since 1.1
     */
    @API(status = EXPERIMENTAL, since = "1.1")
    default Inventory discover(Progress progress, Inventory known, Set<Integer> mustRead) {
        return discover(progress);
    }

    /**
     * Executes one change and waits for its task to finish.
     *
     * @param change   what to do
     * @param progress receives task progress lines
     * @return the outcome, failed with the task's exit status and log tail when the server refused
     */
    ChangeResult apply(Change change, Progress progress);

    /**
     * Executes changes, in order where they depend on each other, in parallel (up to {@code parallelism})
     * where they do not, and stops starting new ones after the first failure. The default runs them one by
     * one; providers that know the server's locking override it.
     *
     * @return one result per change that was attempted, in the order of {@code changes}; changes not attempted
     *     after a failure are {@link ChangeResult.Status#SKIPPED}
     */
    default List<ChangeResult> applyAll(List<Change> changes, int parallelism, Progress progress) {
        List<ChangeResult> results = new ArrayList<>();
        boolean failed = false;
        for (Change c : changes) {
            if (failed) {
                results.add(ChangeResult.skipped(c));
                continue;
            }
            ChangeResult r = apply(c, progress);
            results.add(r);
            failed = !r.succeeded();
            progress.step(1);
        }
        return results;
    }

    /**
     * {@link #applyAll(List, int, Progress)}, telling {@code listener} about each change before it is sent and after its
     * outcome is known (changes skipped after a failure are never started). The default runs them one by one when a
     * listener is given; providers that run changes in parallel override it.
     */
    default List<ChangeResult> applyAll(List<Change> changes, int parallelism, Progress progress, ChangeListener listener) {
        if (listener == ChangeListener.NONE) {
            return applyAll(changes, parallelism, progress);
        }
        List<ChangeResult> results = new ArrayList<>();
        boolean failed = false;
        for (Change c : changes) {
            if (failed) {
                results.add(ChangeResult.skipped(c));
                continue;
            }
            listener.starting(c);
            ChangeResult r = apply(c, progress);
            listener.finished(r);
            results.add(r);
            failed = !r.succeeded();
            progress.step(1);
        }
        return results;
    }

    /** @return the next free VMID the cluster proposes ({@code /cluster/nextid}). */
    int nextVmid();

    /** @return recent cluster tasks, newest first (for drift attribution: who changed what, when). */
    List<TaskRecord> recentTasks();

    /**
     * Lists the files on one storage of one node. Never used by /plan or /apply: it serves Tab completion and the
     * checks of {@code create vm --iso} and {@code create container --ostemplate}, where a cached answer saves a
     * round trip. Callers that find a volume missing from a cached answer ask again with {@link ReadPolicy#LIVE}
     * before they refuse it.
     *
     * @param node    the node ({@code pve1})
     * @param storage the storage id ({@code local})
     * @param content only this content type ({@code iso}, {@code vztmpl}), or {@code ""} for all
     * @param policy  how fresh the answer must be
     * @return the volumes sorted by volume id; empty under {@link ReadPolicy#CACHE_ONLY} when nothing is cached
     * @throws ProviderException when the server cannot be asked, or (the default) the provider cannot list content
     */
    default List<Volume> volumes(String node, String storage, String content, ReadPolicy policy) {
        throw new ProviderException(ProviderException.Kind.INVALID, "this provider cannot list storage content");
    }

    /**
     * Reads one path of the server's API with GET, live (never from a cache), for the plugins that need what the
     * resource model does not carry: {@code /cluster/resources}, {@code /nodes/pve1/qemu/100/rrddata} with
     * {@code timeframe=day, cf=MAX}, {@code /cluster/backup}, {@code /nodes/pve1/certificates/info}. Blocks on the
     * network; thread-safe.
     *
     * @param path  the API path below {@code /api2/json}, starting with {@code /}, without a query string or
     *              {@code ..} segments ({@code /cluster/backup-info/not-backed-up})
     * @param query query parameters, empty for none
     * @return the answer's {@code data}
     * @throws ProviderException with {@link ProviderException.Kind#PERMISSION} when the token may not read it,
     *     {@link ProviderException.Kind#NOT_FOUND} for a path the server does not have, {@code INVALID} for a path
     *     that is not of the form above, and the connection kinds when the server cannot be asked
     */
    default ApiData read(String path, Map<String, String> query) {
        throw new ProviderException(ProviderException.Kind.INVALID, "this provider cannot read API paths");
    }

    /** Forgets every cached answer of this environment (/sync calls it: a sync is a request to look again). */
    default void forgetCache() {
        // a provider without a cache has nothing to forget
    }

    /** Releases connections. Never throws. */
    @Override
    void close();
}
