package dev.proxmoxmpc.plugin.testing.run;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.provider.ApiData;
import dev.proxmoxmpc.spi.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code usage}: a percentile of the guest's recorded CPU or memory use under a limit, over the RRD series of
 * {@code GET /nodes/{node}/{qemu|lxc}/{vmid}/rrddata} with {@code cf=MAX} and {@code timeframe=day|week}. CPU is
 * {@code cpu} (a fraction of the guest's vCPUs), memory {@code mem / maxmem}. A server without the endpoint, a token
 * without the privilege, an offline node, or a series without samples is a skip, never a failure.
 */
final class UsageCheck {
    private UsageCheck() {}

    static Result run(Check c, Outcomes out, Guest wanted, String label, RunContext ctx) {
        String metric = c.text("metric").isEmpty() ? "cpu" : c.text("metric");
        int percentile = (int) c.number("percentile", 95);
        String field = metric + " p" + percentile;
        String timeframe = c.text("timeframe").isEmpty() ? "week" : c.text("timeframe");
        if (!metric.equals("cpu") && !metric.equals("memory")) {
            return out.failMessage(label, field, "metric must be cpu or memory, not '" + metric + "'");
        }
        Optional<Guest> g = ctx.observed().guest(wanted.vmid());
        if (g.isEmpty()) {
            return out.skip(label, field, "the guest is not on the server");
        }
        Optional<String> down = ctx.nodeDown(g.get().node());
        if (down.isPresent()) {
            return out.skip(label, field, down.get());
        }
        if (g.get().status() != PowerState.RUNNING) {
            return out.skip(label, field, "the guest is " + g.get().status().pve());
        }
        String path = "/nodes/" + g.get().node() + "/" + (g.get().kind() == GuestKind.VM ? "qemu" : "lxc") + "/" + g.get().vmid() + "/rrddata";
        List<Map<String, Object>> rows;
        try {
            rows = ctx.server().read(path, Map.of("timeframe", timeframe, "cf", "MAX")).rows();
        } catch (ProviderException e) {
            return out.skip(label, field, e);
        }
        List<Double> samples = samples(rows, metric);
        if (samples.isEmpty()) {
            return out.skip(label, field, "no " + metric + " samples recorded over the last " + timeframe);
        }
        double value = percentile(samples, percentile);
        double limit = c.number("max_percent", 90);
        return value <= limit ? out.pass(label, field)
                : out.fail(label, field, "at most " + ClusterChecks.fmt(limit) + " % over the last " + timeframe, ClusterChecks.fmt(value) + " %");
    }

    /** @return the metric in percent, one value per row that has it. */
    static List<Double> samples(List<Map<String, Object>> rows, String metric) {
        List<Double> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (metric.equals("cpu")) {
                double cpu = ApiData.number(row, "cpu", Double.NaN);
                if (!Double.isNaN(cpu)) {
                    out.add(cpu * 100);
                }
            } else {
                double mem = ApiData.number(row, "mem", Double.NaN);
                double max = ApiData.number(row, "maxmem", Double.NaN);
                if (!Double.isNaN(mem) && !Double.isNaN(max) && max > 0) {
                    out.add(mem / max * 100);
                }
            }
        }
        return out;
    }

    /** @return the nearest-rank percentile ({@code p} in 1..100) of non-empty {@code values}. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(Math.max(1, Math.min(100, p)) / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
