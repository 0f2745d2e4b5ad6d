package dev.proxmoxmpc.plugin.simulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A worker task: its UPID fields, state, exit status and log. */
public final class Task {
    public final String node;
    public final int pid;
    public final long pstart;
    public final long starttime;
    public final String type;
    public final String id;
    public final String userid;
    public final String tokenName;
    public final String upid;
    public volatile String status = "running";
    public volatile String exitstatus = "";
    public volatile long endtime;
    /** Set by DELETE /nodes/{node}/tasks/{upid}. */
    public volatile boolean cancelRequested;
    public final List<String> log = new ArrayList<>();

    public Task(String node, int pid, long pstart, long starttime, String type, String id, String userid, String tokenName) {
        this.node = node;
        this.pid = pid;
        this.pstart = pstart;
        this.starttime = starttime;
        this.type = type;
        this.id = id;
        this.userid = userid;
        this.tokenName = tokenName;
        String user = tokenName.isEmpty() ? userid : userid + "!" + tokenName;
        this.upid = String.format(Locale.ROOT, "UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pid, pstart, starttime, type, id, user);
    }

    public boolean running() {
        return status.equals("running");
    }

    /** @return whether it ended with {@code OK} or {@code WARNINGS: n}. */
    public boolean succeeded() {
        return exitstatus.equals("OK") || exitstatus.startsWith("WARNINGS:");
    }
}
