package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A QEMU/KVM virtual machine.
 *
 * @param vmid    the VMID
 * @param node    the node
 * @param pool    the pool, or {@code ""}
 * @param status  power state
 * @param config  the full PVE config, every value a string (sorted copy taken; {@code digest} dropped)
 * @param runtime observed runtime facts
 */
@API(status = STABLE, since = "1.0")
public record VirtualMachine(int vmid, String node, String pool, PowerState status, Map<String, String> config,
                             GuestRuntime runtime) implements Guest {

    public VirtualMachine {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(runtime, "runtime");
        config = Guests.normalize(config);
    }

    @Override
    public GuestKind kind() {
        return GuestKind.VM;
    }

    @Override
    public String name() {
        return value("name");
    }

    /** @return sockets, default 1. */
    public int sockets() {
        return intValue("sockets", 1);
    }

    /** @return the CPU type ({@code host}, {@code x86-64-v2-AES}, ...), or {@code ""} for the PVE default. */
    public String cpuType() {
        return PropertyString.parse(value("cpu")).positional().orElse(PropertyString.parse(value("cpu")).getOrEmpty("cputype"));
    }

    /** @return whether the QEMU guest agent is enabled. */
    public boolean agent() {
        String v = value("agent");
        if (v.isEmpty()) {
            return false;
        }
        PropertyString p = PropertyString.parse(v);
        return p.get("enabled").or(p::positional).map(PropertyString::truthy).orElse(false);
    }

    /** @return the cloud-init IP configs {@code ipconfigN}, by index. */
    public Map<Integer, PropertyString> ipConfigs() {
        Map<Integer, PropertyString> out = new TreeMap<>();
        config().forEach((k, v) -> {
            if (k.matches("ipconfig\\d+")) {
                out.put(Integer.parseInt(k.substring(8)), PropertyString.parse(v));
            }
        });
        return out;
    }

    /** @return the cloud-init IP configs {@code ipconfigN} as typed views, by index. */
    public java.util.List<IpConfig> ipConfigList() {
        return CloudInit.of(config()).ipConfigs();
    }

    /** @return the cloud-init settings (all empty when none are set). */
    public CloudInit cloudInit() {
        return CloudInit.of(config());
    }

    @Override
    public VirtualMachine withConfigValue(String key, String value) {
        return new VirtualMachine(vmid, node, pool, status, Guests.with(config, key, value), runtime);
    }

    @Override
    public VirtualMachine withConfig(Map<String, String> newConfig) {
        return new VirtualMachine(vmid, node, pool, status, newConfig, runtime);
    }

    @Override
    public VirtualMachine withNode(String newNode) {
        return new VirtualMachine(vmid, newNode, pool, status, config, runtime);
    }

    @Override
    public VirtualMachine withPool(String newPool) {
        return new VirtualMachine(vmid, node, newPool, status, config, runtime);
    }

    @Override
    public VirtualMachine withStatus(PowerState newStatus) {
        return new VirtualMachine(vmid, node, pool, newStatus, config, runtime);
    }

    @Override
    public VirtualMachine withRuntime(GuestRuntime newRuntime) {
        return new VirtualMachine(vmid, node, pool, status, config, newRuntime);
    }
}
