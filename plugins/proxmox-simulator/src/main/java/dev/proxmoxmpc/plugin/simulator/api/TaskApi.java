package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Envelope;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Task;
import dev.proxmoxmpc.plugin.simulator.task.TaskRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /nodes/{node}/tasks}: list, status, log, stop. */
public final class TaskApi {
    private final Cluster cluster;
    private final TaskRunner runner;

    public TaskApi(Cluster cluster, TaskRunner runner) {
        this.cluster = cluster;
        this.runner = runner;
    }

    public void register(Router r) {
        r.get("/nodes/{node}/tasks", this::list);
        r.get("/nodes/{node}/tasks/{upid}/status", req -> TaskViews.status(task(req)));
        r.get("/nodes/{node}/tasks/{upid}/log", this::log);
        r.delete("/nodes/{node}/tasks/{upid}", req -> {
            runner.stop(task(req));
            return null;
        });
    }

    private Task task(ApiRequest req) {
        cluster.node(req.node());
        Task t = cluster.tasks.get(req.required("upid"));
        if (t == null || !t.node.equals(req.node())) {
            throw ApiException.parameter("upid", "no such task");
        }
        return t;
    }

    private Object list(ApiRequest req) {
        String node = cluster.node(req.node()).name;
        int start = req.intParam("start", 0);
        int limit = req.intParam("limit", 50);
        String vmid = req.param("vmid").orElse("");
        String type = req.param("typefilter").orElse("");
        boolean errorsOnly = req.flag("errors");
        String source = req.param("source").orElse("archive");
        List<Task> all = new ArrayList<>(cluster.tasks.values());
        List<Object> rows = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            Task t = all.get(i);
            boolean sourceOk = source.equals("all") || (source.equals("active") == t.running());
            if (!t.node.equals(node) || !sourceOk || (!vmid.isEmpty() && !vmid.equals(t.id))
                    || (!type.isEmpty() && !type.equals(t.type)) || (errorsOnly && (t.running() || t.succeeded()))) {
                continue;
            }
            rows.add(TaskViews.row(t));
        }
        int total = rows.size();
        List<Object> page = rows.subList(Math.min(start, total), Math.min(total, start + limit));
        return new Envelope(new ArrayList<>(page), total);
    }

    private Object log(ApiRequest req) {
        Task t = task(req);
        int start = req.intParam("start", 0);
        int limit = req.intParam("limit", 50);
        List<String> lines = new ArrayList<>(t.log);
        if (lines.isEmpty()) {
            lines.add("no content");
        }
        List<Object> out = new ArrayList<>();
        for (int i = start; i < lines.size() && out.size() < limit; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", i + 1);
            m.put("t", lines.get(i));
            out.add(m);
        }
        return new Envelope(out, lines.size());
    }
}
