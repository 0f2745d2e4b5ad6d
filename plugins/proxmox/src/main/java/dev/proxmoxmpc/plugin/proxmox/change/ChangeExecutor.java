package dev.proxmoxmpc.plugin.proxmox.change;

import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.plugin.proxmox.task.TaskWaiter;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.Change;
import dev.proxmoxmpc.spi.provider.ChangeResult;
import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ResourceRef;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Executes one {@link Change}: the API writes, each awaited as a task. A refusal by the server (or a failed task)
 * is a failed {@link ChangeResult} with the task's exit status and log tail; a server that cannot be used at all
 * (authentication, TLS, connection, timeout) is a {@link ProviderException}.
 */
public final class ChangeExecutor {
    private static final Set<ProviderException.Kind> FATAL = Set.of(ProviderException.Kind.AUTHENTICATION,
            ProviderException.Kind.TLS, ProviderException.Kind.CONNECTION, ProviderException.Kind.TIMEOUT);

    private final PveClient client;
    private final TaskWaiter waiter;
    private volatile Duration lockWait = Duration.ofMinutes(2);
    private volatile Duration lockPoll = Duration.ofSeconds(2);

    public ChangeExecutor(PveClient client, TaskWaiter waiter) {
        this.client = client;
        this.waiter = waiter;
    }

    /** How long a change waits for a guest locked by someone else, and how often it looks again. */
    public void lockWait(Duration max, Duration poll) {
        this.lockWait = max;
        this.lockPoll = poll;
    }

    public ChangeResult apply(Change change, Progress progress) {
        long start = System.nanoTime();
        Writes writes = new Writes(client, waiter, progress, lockWait, lockPoll);
        try {
            if (change.target().type() == ResourceRef.Type.VM || change.target().type() == ResourceRef.Type.CONTAINER) {
                new GuestChanges(writes, change).run();
            } else if (change.target().type() == ResourceRef.Type.OBJECT) {
                new ObjectChanges(writes).run(change);
            } else {
                new InfraChanges(writes, change).run();
            }
            return ChangeResult.ok(change, writes.lastUpid(), millis(start));
        } catch (TaskFailedException e) {
            return ChangeResult.failed(change, e.getMessage(), e.outcome().upid(), e.outcome().logTail(), millis(start));
        } catch (ProviderException e) {
            if (FATAL.contains(e.kind())) {
                throw e;
            }
            return ChangeResult.failed(change, e.getMessage(), writes.lastUpid(), List.of(), millis(start));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
