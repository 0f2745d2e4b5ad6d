package dev.proxmoxmpc.plugin.proxmox.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.plugin.proxmox.task.TaskOutcome;
import dev.proxmoxmpc.plugin.proxmox.task.TaskWaiter;
import dev.proxmoxmpc.plugin.proxmox.task.Upid;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.time.Duration;
import java.util.Map;

/**
 * The writes of one change: each is sent once, its task awaited; a guest locked by someone else is waited for
 * (bounded) and the write sent again — the server refused it before doing anything, so that is not a blind retry.
 */
final class Writes {
    private final PveClient client;
    private final TaskWaiter waiter;
    private final Progress progress;
    private final Duration lockWait;
    private final Duration lockPoll;
    private String lastUpid = "";

    Writes(PveClient client, TaskWaiter waiter, Progress progress, Duration lockWait, Duration lockPoll) {
        this.client = client;
        this.waiter = waiter;
        this.progress = progress;
        this.lockWait = lockWait;
        this.lockPoll = lockPoll;
    }

    PveClient client() {
        return client;
    }

    Progress progress() {
        return progress;
    }

    /** @return the UPID of the last task started, or {@code ""}. */
    String lastUpid() {
        return lastUpid;
    }

    /**
     * Sends a write and waits for its task (when it returns one).
     *
     * @param what a few words for messages ({@code clone 9000 -> 101})
     * @return the write's {@code data}
     * @throws TaskFailedException when the task fails
     */
    JsonNode write(String what, String method, String path, Map<String, String> params) {
        long deadline = System.nanoTime() + lockWait.toNanos();
        while (true) {
            try {
                JsonNode data = send(method, path, params);
                String text = Json.text(data);
                if (Upid.looksLike(text)) {
                    lastUpid = text;
                    TaskOutcome outcome = waiter.await(text, progress);
                    if (!outcome.ok()) {
                        if (lockedTask(outcome) && System.nanoTime() < deadline) {
                            waitForLock(what, outcome.exitStatus());
                            continue;
                        }
                        throw new TaskFailedException(what, outcome);
                    }
                }
                return data;
            } catch (ProviderException e) {
                if (e.kind() != ProviderException.Kind.LOCKED || System.nanoTime() >= deadline) {
                    throw e;
                }
                waitForLock(what, e.getMessage());
            }
        }
    }

    private JsonNode send(String method, String path, Map<String, String> params) {
        return switch (method) {
            case "POST" -> client.post(path, params);
            case "PUT" -> client.put(path, params);
            case "DELETE" -> client.delete(path, params);
            default -> throw new IllegalArgumentException("not a write: " + method);
        };
    }

    private static boolean lockedTask(TaskOutcome outcome) {
        String s = outcome.exitStatus();
        return s.contains("can't lock file") || s.contains("is locked");
    }

    private void waitForLock(String what, String why) {
        progress.message(what + ": waiting, locked by another task (" + firstPart(why) + "), up to "
                + lockWait.toSeconds() + " s");
        try {
            Thread.sleep(lockPoll.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.LOCKED, what + ": interrupted while waiting for a lock", ie);
        }
    }

    private static String firstPart(String message) {
        int i = message.indexOf(';');
        return i < 0 ? message : message.substring(0, i);
    }
}
