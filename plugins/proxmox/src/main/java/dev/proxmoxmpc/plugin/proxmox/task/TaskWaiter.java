package dev.proxmoxmpc.plugin.proxmox.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.plugin.proxmox.http.PveClient;
import dev.proxmoxmpc.spi.console.Progress;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Waits for a UPID task: polls {@code /nodes/{node}/tasks/{upid}/status} with a growing interval, streams new
 * log lines to the progress, and on failure returns the exit status with the log tail.
 */
public final class TaskWaiter {
    /** Lines of log kept for a failed task. */
    public static final int TAIL = 20;

    private final PveClient client;
    private final Duration firstPoll;
    private final Duration maxPoll;
    private final Duration limit;

    public TaskWaiter(PveClient client, Duration firstPoll, Duration maxPoll, Duration limit) {
        this.client = client;
        this.firstPoll = firstPoll;
        this.maxPoll = maxPoll;
        this.limit = limit;
    }

    /**
     * @param upid     the task id returned by the write
     * @param progress receives the task's log lines as they appear
     * @return the outcome; a task still running after the limit is reported as failed with a timeout message
     */
    public TaskOutcome await(String upid, Progress progress) {
        Upid id = Upid.parse(upid);
        String base = "/nodes/" + id.node() + "/tasks/" + upid;
        long deadline = System.nanoTime() + limit.toNanos();
        long sleep = firstPoll.toMillis();
        int shown = 0;
        while (true) {
            JsonNode status = client.get(base + "/status");
            shown = stream(base, shown, progress);
            if ("stopped".equals(Json.string(status, "status"))) {
                String exit = Json.string(status, "exitstatus");
                exit = exit.isEmpty() ? "unexpected status" : exit;
                TaskOutcome outcome = new TaskOutcome(upid, exit, List.of());
                return outcome.ok() ? outcome : new TaskOutcome(upid, exit, tail(base));
            }
            if (System.nanoTime() > deadline) {
                return new TaskOutcome(upid, "task still running after " + limit.toSeconds()
                        + " s; it goes on on the server (see its task log)", tail(base));
            }
            pause(sleep);
            sleep = Math.min(maxPoll.toMillis(), sleep * 2);
        }
    }

    /** Shows log lines after {@code shown}; returns the new count. Log read failures are ignored. */
    private int stream(String base, int shown, Progress progress) {
        try {
            JsonNode env = client.getEnvelope(base + "/log", Map.of("start", Integer.toString(shown), "limit", "500"));
            int n = shown;
            for (JsonNode line : env.path("data")) {
                String t = Json.string(line, "t");
                if (!t.equals("no content")) {
                    progress.message(t);
                }
                n++;
            }
            return n;
        } catch (ProviderException e) {
            return shown;
        }
    }

    private List<String> tail(String base) {
        try {
            JsonNode first = client.getEnvelope(base + "/log", Map.of("start", "0", "limit", "1"));
            long total = Json.longValue(first, "total", 0);
            long start = Math.max(0, total - TAIL);
            JsonNode env = client.getEnvelope(base + "/log", Map.of("start", Long.toString(start), "limit", Integer.toString(TAIL)));
            List<String> lines = new ArrayList<>();
            env.path("data").forEach(l -> lines.add(Json.string(l, "t")));
            return lines;
        } catch (ProviderException e) {
            return List.of("(task log unavailable: " + e.getMessage() + ")");
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.CONNECTION, "interrupted while waiting for a task", e);
        }
    }
}
