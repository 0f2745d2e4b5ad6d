package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.state.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/** Task rows and task status as the API shows them ({@code user} and {@code tokenid} split, {@code id} a string). */
final class TaskViews {
    private TaskViews() {
    }

    static Map<String, Object> status(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upid", t.upid);
        m.put("node", t.node);
        m.put("pid", t.pid);
        m.put("pstart", t.pstart);
        m.put("starttime", t.starttime);
        m.put("type", t.type);
        m.put("id", t.id);
        m.put("user", t.userid);
        if (!t.tokenName.isEmpty()) {
            m.put("tokenid", t.tokenName);
        }
        m.put("status", t.status);
        if (!t.running()) {
            m.put("exitstatus", t.exitstatus);
        }
        return m;
    }

    static Map<String, Object> row(Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upid", t.upid);
        m.put("node", t.node);
        m.put("pid", t.pid);
        m.put("pstart", t.pstart);
        m.put("starttime", t.starttime);
        m.put("type", t.type);
        m.put("id", t.id);
        m.put("user", t.userid);
        if (!t.tokenName.isEmpty()) {
            m.put("tokenid", t.tokenName);
        }
        if (!t.running()) {
            m.put("endtime", t.endtime);
            m.put("status", t.exitstatus);
        }
        return m;
    }
}
