package dev.proxmoxmpc.plugin.proxmox.fake;

import dev.proxmoxmpc.plugin.proxmox.fake.FakePve.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** UPID tasks on a {@link FakePve}: each write answers a new UPID whose status is stopped with the given exit. */
public final class FakeTasks {
    private final FakePve pve;
    private final AtomicInteger seq = new AtomicInteger(0x4675);

    public FakeTasks(FakePve pve) {
        this.pve = pve;
    }

    /** Makes {@code METHOD path} start a task of {@code type} that ends with {@code exit} and this log. */
    public FakeTasks task(String method, String path, String node, String type, String id, String exit, List<String> log) {
        pve.on(method, path, r -> {
            String upid = String.format("UPID:%s:%08X:0005B36F:6A4A8EED:%s:%s:root@pam!mpc:", node, seq.incrementAndGet(), type, id);
            pve.on("GET", "/nodes/" + node + "/tasks/" + upid + "/status", s -> Response.data(
                    "{\"status\":\"stopped\",\"exitstatus\":" + quote(exit) + ",\"upid\":" + quote(upid)
                            + ",\"node\":\"" + node + "\",\"type\":\"" + type + "\",\"id\":\"" + id
                            + "\",\"user\":\"root@pam\",\"tokenid\":\"mpc\",\"pid\":1,\"pstart\":1,\"starttime\":1783271149}"));
            pve.on("GET", "/nodes/" + node + "/tasks/" + upid + "/log", s -> {
                int start = Integer.parseInt(s.params().getOrDefault("start", "0"));
                int limit = Integer.parseInt(s.params().getOrDefault("limit", "50"));
                StringBuilder sb = new StringBuilder("{\"total\":" + log.size() + ",\"data\":[");
                for (int i = start; i < Math.min(log.size(), start + limit); i++) {
                    sb.append(i > start ? "," : "").append("{\"n\":").append(i + 1).append(",\"t\":").append(quote(log.get(i))).append('}');
                }
                return new Response(200, sb.append("]}").toString());
            });
            return Response.data(quote(upid));
        });
        return this;
    }

    /** A task that succeeds with a short log. */
    public FakeTasks ok(String method, String path, String node, String type, String id) {
        return task(method, path, node, type, id, "OK", List.of("starting " + type, "TASK OK"));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
