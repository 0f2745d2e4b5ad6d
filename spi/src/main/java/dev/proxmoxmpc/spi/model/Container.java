package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An LXC container.
 *
 * @param vmid    the VMID
 * @param node    the node
 * @param pool    the pool, or {@code ""}
 * @param status  power state
 * @param config  the full PVE config, every value a string (sorted copy taken; {@code digest} dropped)
 * @param runtime observed runtime facts
 */
@API(status = STABLE, since = "1.0")
public record Container(int vmid, String node, String pool, PowerState status, Map<String, String> config,
                             GuestRuntime runtime) implements Guest {

    public Container {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(runtime, "runtime");
        config = Guests.normalize(config);
    }

    @Override
    public GuestKind kind() {
        return GuestKind.CONTAINER;
    }

    @Override
    public String name() {
        return value("hostname");
    }

    /** @return the OS type ({@code debian}, {@code ubuntu}, ...) or {@code ""}. */
    public String osType() {
        return value("ostype");
    }

    /** @return whether the container is unprivileged. */
    public boolean unprivileged() {
        return PropertyString.truthy(value("unprivileged").isEmpty() ? "0" : value("unprivileged"));
    }

    /** @return the swap size in MiB, default 512. */
    public long swapMiB() {
        String v = value("swap");
        return v.isEmpty() ? 512 : Long.parseLong(v.trim());
    }

    /** @return the features property string ({@code nesting=1,keyctl=1}). */
    public PropertyString features() {
        return PropertyString.parse(value("features"));
    }

    @Override
    public Container withConfigValue(String key, String value) {
        return new Container(vmid, node, pool, status, Guests.with(config, key, value), runtime);
    }

    @Override
    public Container withConfig(Map<String, String> newConfig) {
        return new Container(vmid, node, pool, status, newConfig, runtime);
    }

    @Override
    public Container withNode(String newNode) {
        return new Container(vmid, newNode, pool, status, config, runtime);
    }

    @Override
    public Container withPool(String newPool) {
        return new Container(vmid, node, newPool, status, config, runtime);
    }

    @Override
    public Container withStatus(PowerState newStatus) {
        return new Container(vmid, node, pool, newStatus, config, runtime);
    }

    @Override
    public Container withRuntime(GuestRuntime newRuntime) {
        return new Container(vmid, node, pool, status, config, newRuntime);
    }
}
