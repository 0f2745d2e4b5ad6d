package dev.proxmoxmpc.plugin.monitoring.top;

import dev.proxmoxmpc.spi.provider.ApiData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One read of {@code GET /cluster/resources}: the node and guest rows with their gauges and counters.
 *
 * @param nanos  when it was read ({@link System#nanoTime()}), for rates when the server's uptimes did not move
 * @param nodes  node rows
 * @param guests guest rows (templates left out)
 */
public record Sample(long nanos, List<Row> nodes, List<Row> guests) {
    public Sample {
        nodes = List.copyOf(nodes);
        guests = List.copyOf(guests);
    }

    /**
     * A node or guest as {@code /cluster/resources} reports it.
     *
     * @param type      {@code node}, {@code qemu} or {@code lxc}
     * @param vmid      the VMID, 0 for a node
     * @param counters  netin, netout, diskread, diskwrite: bytes since the guest started
     */
    public record Row(String type, int vmid, String name, String node, String status, double cpu, double maxcpu,
                      double mem, double maxmem, double uptime, double[] counters, String pool, String tags) {
        String key() {
            return type + "/" + (vmid == 0 ? node : Integer.toString(vmid));
        }
    }

    /** @return the sample of one answer, read at {@code nanos}. */
    public static Sample of(ApiData data, long nanos) {
        List<Row> nodes = new ArrayList<>();
        List<Row> guests = new ArrayList<>();
        for (Map<String, Object> r : data.rows()) {
            String type = ApiData.string(r, "type");
            if (type.equals("node")) {
                String n = ApiData.string(r, "node");
                nodes.add(row(r, type, 0, n));
            } else if ((type.equals("qemu") || type.equals("lxc")) && ApiData.number(r, "template", 0) == 0) {
                int vmid = (int) ApiData.number(r, "vmid", 0);
                String name = ApiData.string(r, "name");
                guests.add(row(r, type, vmid, name.isEmpty() ? type + "/" + vmid : name));
            }
        }
        return new Sample(nanos, nodes, guests);
    }

    private static Row row(Map<String, Object> r, String type, int vmid, String name) {
        double[] counters = {ApiData.number(r, "netin", 0), ApiData.number(r, "netout", 0),
            ApiData.number(r, "diskread", 0), ApiData.number(r, "diskwrite", 0)};
        // PVE 9: a VM's mem is the guest's own view when its balloon driver reports one; memhost is the host's
        return new Row(type, vmid, name, ApiData.string(r, "node"), ApiData.string(r, "status"),
                ApiData.number(r, "cpu", 0), ApiData.number(r, "maxcpu", 0), ApiData.number(r, "mem", 0),
                ApiData.number(r, "maxmem", 0), ApiData.number(r, "uptime", 0), counters, ApiData.string(r, "pool"),
                ApiData.string(r, "tags"));
    }
}
