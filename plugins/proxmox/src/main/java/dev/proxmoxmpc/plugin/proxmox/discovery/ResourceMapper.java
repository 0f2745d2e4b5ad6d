package dev.proxmoxmpc.plugin.proxmox.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proxmoxmpc.plugin.proxmox.http.Json;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestRuntime;
import dev.proxmoxmpc.spi.model.Network;
import dev.proxmoxmpc.spi.model.Node;
import dev.proxmoxmpc.spi.model.Pool;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.Storage;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Maps API JSON ({@code /cluster/resources}, configs, {@code /storage}, networks, pools) to the SPI model. */
public final class ResourceMapper {
    private static final Set<String> STORAGE_META = Set.of("storage", "type", "digest");
    private static final Set<String> NETWORK_META = Set.of("iface", "type");

    private ResourceMapper() {}

    /** @return the guest from its {@code /cluster/resources} row, its config and agent addresses. */
    public static Guest guest(GuestRow row, JsonNode config, List<String> ips) {
        Map<String, String> cfg = Json.strings(config);
        return guest(row, cfg, ips, cfg.getOrDefault("digest", ""));
    }

    /** @return the guest from its {@code /cluster/resources} row and a config already read (with its digest). */
    public static Guest guest(GuestRow row, Map<String, String> cfg, List<String> ips, String digest) {
        String lock = row.lock().isEmpty() ? cfg.getOrDefault("lock", "") : row.lock();
        GuestRuntime runtime = new GuestRuntime(lock, row.haState(), row.uptime(), ips, digest);
        PowerState status = PowerState.fromPve(row.status());
        return row.qemu()
                ? new VirtualMachine(row.vmid(), row.node(), row.pool(), status, cfg, runtime)
                : new Container(row.vmid(), row.node(), row.pool(), status, cfg, runtime);
    }

    /** @return the node from its {@code /cluster/resources} row, refined by {@code /nodes/{n}/status} when given. */
    public static Node node(JsonNode row, JsonNode status) {
        int cpus = (int) Json.longValue(row, "maxcpu", 0);
        long mem = Json.longValue(row, "maxmem", 0);
        long disk = Json.longValue(row, "maxdisk", 0);
        long uptime = Json.longValue(row, "uptime", 0);
        if (status != null && status.isObject()) {
            cpus = cpus > 0 ? cpus : (int) Json.longValue(status.path("cpuinfo"), "cpus", 0);
            mem = mem > 0 ? mem : Json.longValue(status.path("memory"), "total", 0);
            disk = disk > 0 ? disk : Json.longValue(status.path("rootfs"), "total", 0);
            uptime = uptime > 0 ? uptime : Json.longValue(status, "uptime", 0);
        }
        String state = Json.string(row, "status");
        return new Node(Json.string(row, "node"), state.isEmpty() ? "unknown" : state, cpus, mem, disk, uptime,
                Json.string(row, "level"));
    }

    /** @return the storage definitions of {@code GET /storage}. */
    public static List<Storage> storages(JsonNode list) {
        List<Storage> out = new ArrayList<>();
        for (JsonNode s : list) {
            out.add(new Storage(Json.string(s, "storage"), Json.string(s, "type"), rest(s, STORAGE_META)));
        }
        return out;
    }

    /** @return the interfaces of {@code GET /nodes/{node}/network}. */
    public static List<Network> networks(String node, JsonNode list) {
        List<Network> out = new ArrayList<>();
        for (JsonNode n : list) {
            out.add(new Network(node, Json.string(n, "iface"), Json.string(n, "type"), rest(n, NETWORK_META)));
        }
        return out;
    }

    /** @return the pools of {@code GET /pools}. */
    public static List<Pool> pools(JsonNode list) {
        List<Pool> out = new ArrayList<>();
        for (JsonNode p : list) {
            out.add(new Pool(Json.string(p, "poolid"), Json.string(p, "comment")));
        }
        return out;
    }

    /**
     * @return addresses of a guest-agent answer ({@code {result: [{name, ip-addresses: [{ip-address}]}]}}) or of
     *     {@code /lxc/{vmid}/interfaces} ({@code [{name, inet: "10.0.0.5/24", inet6}]}, on PVE 9 also with the
     *     agent-style {@code ip-addresses} repeating them); each address once, loopback and link-local left out,
     *     prefixes dropped; nothing for {@code null} (a container that stopped meanwhile)
     */
    public static List<String> agentAddresses(JsonNode data) {
        return agentAddresses(data, List.of());
    }

    /**
     * @param data the agent's {@code network-get-interfaces} answer, or a container's {@code interfaces} list
     * @param macs the guest's NIC MACs in slot order ({@code net0} first)
     * @return the addresses, those of the interface whose MAC is a NIC's first (in slot order), then the others in the
     *     guest's order; no loopback or link-local
     */
    public static List<String> agentAddresses(JsonNode data, List<String> macs) {
        List<String> wanted = macs.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        List<JsonNode> ifaces = new ArrayList<>();
        (data.has("result") ? data.get("result") : data).forEach(ifaces::add);
        ifaces.sort(Comparator.comparingInt(i -> {
            int at = wanted.indexOf(mac(i));
            return at < 0 ? wanted.size() : at;
        }));
        List<String> out = new ArrayList<>();
        for (JsonNode iface : ifaces) {
            if (Json.string(iface, "name").equals("lo")) {
                continue;
            }
            for (JsonNode addr : iface.path("ip-addresses")) {
                add(out, Json.string(addr, "ip-address"));
            }
            add(out, Json.string(iface, "inet"));
            add(out, Json.string(iface, "inet6"));
        }
        return out;
    }

    private static String mac(JsonNode iface) {
        String mac = Json.string(iface, "hardware-address");
        return (mac.isEmpty() ? Json.string(iface, "hwaddr") : mac).toLowerCase(Locale.ROOT);
    }

    private static void add(List<String> out, String address) {
        String ip = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
        if (!ip.isEmpty() && !ip.startsWith("127.") && !ip.equals("::1") && !ip.toLowerCase(Locale.ROOT).startsWith("fe80")
                && !out.contains(ip)) {
            out.add(ip);
        }
    }

    private static Map<String, String> rest(JsonNode object, Set<String> skip) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (!skip.contains(e.getKey())) {
                JsonNode v = e.getValue();
                out.put(e.getKey(), v.isArray() ? joined(v) : Json.text(v));
            }
        });
        return out;
    }

    private static String joined(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(Json.text(v)));
        return String.join(",", parts);
    }
}
