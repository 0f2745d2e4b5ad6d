package dev.proxmoxmpc.plugin.simulator.api;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.guest.GuestLoad;
import dev.proxmoxmpc.plugin.simulator.guest.GuestViews;
import dev.proxmoxmpc.plugin.simulator.http.ApiRequest;
import dev.proxmoxmpc.plugin.simulator.http.Router;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import dev.proxmoxmpc.plugin.simulator.state.NodeState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /nodes/{node}/rrddata} and {@code GET /nodes/{node}/{qemu|lxc}/{vmid}/rrddata}: 70 rows of PVE's RRD
 * archives (timeframe {@code hour} 1 min apart, {@code day} 30 min, {@code week} 3 h, {@code month} 12 h,
 * {@code year} 1 week), each consolidated over its step by {@code cf} ({@code AVERAGE}, the default, or
 * {@code MAX}), with PVE 9's field names ({@code memhost}, {@code pressure*}). Series come from {@link GuestLoad}.
 */
public final class RrdApi {
    private static final Map<String, Long> STEPS = Map.of("hour", 60L, "day", 1800L, "week", 10_800L,
            "month", 43_200L, "year", 604_800L, "decade", 604_800L * 8);
    private static final int ROWS = 70;
    /** How long a running guest is pretended to have run before the simulator started it. */
    private static final long HISTORY = 30L * 86_400;
    /** Samples per step that a consolidated row is made of. */
    private static final int SAMPLES = 6;
    private final Cluster cluster;

    public RrdApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public void register(Router r) {
        r.get("/nodes/{node}/rrddata", this::node);
        r.get("/nodes/{node}/qemu/{vmid}/rrddata", req -> guest(req, "qemu"));
        r.get("/nodes/{node}/lxc/{vmid}/rrddata", req -> guest(req, "lxc"));
    }

    private Object guest(ApiRequest req, String kind) {
        long step = step(req, false);
        boolean max = max(req);
        if (!req.principal().has("VM.Audit")) {
            throw ApiException.forbidden("Permission check failed (/vms/" + req.vmid() + ", VM.Audit)");
        }
        Guest g = cluster.guest(kind, req.node(), req.vmid());
        List<Object> rows = new ArrayList<>();
        long last = Math.floorDiv(Cluster.now(), step) * step;
        for (long t = last - (ROWS - 1) * step; t <= last; t += step) {
            rows.add(guestRow(g, t, step, max));
        }
        return rows;
    }

    private Map<String, Object> guestRow(Guest g, long t, long step, boolean max) {
        GuestLoad.Profile p = GuestLoad.profile(cluster, g);
        boolean on = g.running();
        if (on && t < g.startedAt - HISTORY) {
            return new LinkedHashMap<>(Map.of("time", t)); // before the guest existed: a row without data, as PVE's
        }
        long maxmem = GuestViews.maxmem(g);
        double cpu = 0;
        double mem = 0;
        double host = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long s = t - i * step / SAMPLES;
            double c = on ? GuestLoad.cpu(p, g, s) : 0;
            double h = on ? GuestLoad.memhost(p, g, s) : 0;
            double m = on ? (g.qemu() && !GuestLoad.reportsBalloon(g) ? h : GuestLoad.mem(p, g, s)) : 0;
            cpu = max ? Math.max(cpu, c) : cpu + c / SAMPLES;
            mem = max ? Math.max(mem, m) : mem + m / SAMPLES;
            host = max ? Math.max(host, h) : host + h / SAMPLES;
        }
        long[] rates = GuestLoad.ioRates(g);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", t);
        row.put("maxcpu", GuestViews.cpus(g));
        row.put("cpu", cpu);
        row.put("maxmem", maxmem);
        row.put("mem", (double) Math.round(maxmem * mem));
        if (g.qemu()) {
            row.put("memhost", (double) Math.round(maxmem * host));
        }
        row.put("maxdisk", GuestViews.maxdisk(g));
        row.put("disk", 0.0);
        row.put("netin", on ? (double) rates[0] : 0.0);
        row.put("netout", on ? (double) rates[1] : 0.0);
        row.put("diskread", on ? (double) rates[2] : 0.0);
        row.put("diskwrite", on ? (double) rates[3] : 0.0);
        row.put("pressurecpusome", on ? Math.max(0, cpu - 0.8) : 0.0);
        row.put("pressurecpufull", 0.0);
        row.put("pressureiosome", 0.0);
        row.put("pressureiofull", 0.0);
        row.put("pressurememorysome", on ? Math.max(0, mem - 0.9) : 0.0);
        row.put("pressurememoryfull", 0.0);
        return row;
    }

    private Object node(ApiRequest req) {
        long step = step(req, true);
        boolean max = max(req);
        if (!req.principal().has("Sys.Audit")) {
            throw ApiException.forbidden("Permission check failed (/nodes/" + req.node() + ", Sys.Audit)");
        }
        NodeState n = cluster.node(req.node());
        List<Guest> guests = cluster.guests.values().stream().filter(g -> g.node.equals(n.name) && g.running()).toList();
        List<Object> rows = new ArrayList<>();
        long last = Math.floorDiv(Cluster.now(), step) * step;
        for (long t = last - (ROWS - 1) * step; t <= last; t += step) {
            double cores = 0;
            double mem = 0;
            double net = 0;
            for (Guest g : guests) {
                GuestLoad.Profile p = GuestLoad.profile(cluster, g);
                cores += GuestLoad.cpu(p, g, t) * GuestViews.cpus(g);
                mem += GuestLoad.memhost(p, g, t) * GuestViews.maxmem(g);
                net += GuestLoad.ioRates(g)[0];
            }
            double cpu = Math.min(1.0, 0.02 + cores / Math.max(1, n.cpus)) * (max ? 1.05 : 1.0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", t);
            row.put("cpu", Math.min(1.0, cpu));
            row.put("maxcpu", (double) n.cpus);
            row.put("iowait", 0.001);
            row.put("loadavg", Math.round(cores * 100) / 100.0);
            row.put("memtotal", (double) n.memoryBytes);
            double used = Math.min(n.memoryBytes, 2.0 * (1L << 30) + mem);
            row.put("memused", used);
            row.put("memavailable", n.memoryBytes - used);
            row.put("arcsize", 0.0);
            row.put("swaptotal", (double) (8L << 30));
            row.put("swapused", 0.0);
            row.put("roottotal", (double) n.rootfsBytes);
            row.put("rootused", (double) (n.rootfsBytes / 4));
            row.put("netin", net);
            row.put("netout", net / 2);
            row.put("pressurecpusome", 0.0);
            row.put("pressurecpufull", 0.0);
            row.put("pressureiosome", 0.0);
            row.put("pressureiofull", 0.0);
            row.put("pressurememorysome", 0.0);
            row.put("pressurememoryfull", 0.0);
            rows.add(row);
        }
        return rows;
    }

    private static long step(ApiRequest req, boolean node) {
        String tf = req.required("timeframe");
        Long step = STEPS.get(tf);
        if (step == null || tf.equals("decade") && !node) {
            throw ApiException.parameter("timeframe", "value '" + tf + "' does not have a value in the enumeration '"
                    + (node ? "hour, day, week, month, year, decade" : "hour, day, week, month, year") + "'");
        }
        return step;
    }

    private static boolean max(ApiRequest req) {
        String cf = req.param("cf").orElse("AVERAGE");
        if (!cf.equals("AVERAGE") && !cf.equals("MAX")) {
            throw ApiException.parameter("cf", "value '" + cf + "' does not have a value in the enumeration 'AVERAGE, MAX'");
        }
        return cf.equals("MAX");
    }
}
