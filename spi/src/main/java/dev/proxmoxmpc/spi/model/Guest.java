package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A guest: a {@link VirtualMachine} or a {@link Container}. Identity is {@code (cluster, vmid)}; the name is a label.
 *
 * <p>{@link #config()} is the guest's full PVE configuration exactly as the API returns it (every value a
 * string, keys as on the wire, without {@code digest}), so nothing unknown is lost on a round trip. The typed
 * accessors below are views over it; change a guest with {@link #withConfigValue(String, String)}.
 */
@API(status = STABLE, since = "1.0")
public sealed interface Guest permits VirtualMachine, Container {

    /** @return the VMID, 100..999999999. */
    int vmid();

    /** @return the node the guest is (or should be) on. */
    String node();

    /** @return the resource pool the guest belongs to, or {@code ""}. */
    String pool();

    /** @return running or stopped (desired), or what the server reported (observed). */
    PowerState status();

    /** @return the PVE config, keys in a stable (sorted) order, never containing {@code digest}. */
    Map<String, String> config();

    /** @return observed runtime facts; {@link GuestRuntime#NONE} for desired guests. */
    GuestRuntime runtime();

    /** @return VM or CONTAINER. */
    GuestKind kind();

    /** @return a copy with one config key set; an empty value removes the key. */
    Guest withConfigValue(String key, String value);

    /** @return a copy with this config. */
    Guest withConfig(Map<String, String> config);

    /** @return a copy placed on another node. */
    Guest withNode(String node);

    /** @return a copy in another pool ({@code ""} for none). */
    Guest withPool(String pool);

    /** @return a copy with another power state. */
    Guest withStatus(PowerState status);

    /** @return a copy with other runtime facts. */
    Guest withRuntime(GuestRuntime runtime);

    /** @return the value for a config key, or {@code ""}. */
    default String value(String key) {
        return config().getOrDefault(key, "");
    }

    /** @return the label: {@code name} of a VM, {@code hostname} of a container; {@code ""} when unset. */
    String name();

    /** @return the number of cores per socket (containers: cores), default 1. */
    default int cores() {
        return intValue("cores", 1);
    }

    /** @return memory in MiB (QEMU's {@code [current=]N} form is understood). */
    default long memoryMiB() {
        String v = value("memory");
        if (v.isEmpty()) {
            return kind() == GuestKind.VM ? 2048 : 512;
        }
        String n = PropertyString.parse(v).get("current").orElse(PropertyString.parse(v).positional().orElse(v));
        return Long.parseLong(n.trim());
    }

    /** @return tags in the order PVE stores them ({@code ;}, {@code ,} or space separated on input). */
    default List<String> tags() {
        String v = value("tags").trim();
        if (v.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(Guests.TAG_SEPARATORS.split(v)).filter(s -> !s.isEmpty()).toList();
    }

    /** @return whether the guest starts at boot. */
    default boolean onboot() {
        return PropertyString.truthy(value("onboot").isEmpty() ? "0" : value("onboot"));
    }

    /** @return whether this guest is a template. */
    default boolean template() {
        return PropertyString.truthy(value("template").isEmpty() ? "0" : value("template"));
    }

    /** @return whether the guest is protected against removal. */
    default boolean protection() {
        return PropertyString.truthy(value("protection").isEmpty() ? "0" : value("protection"));
    }

    /** @return the free-text description, or {@code ""}. */
    default String description() {
        return value("description");
    }

    /** @return the disks (VM: ide/sata/scsi/virtio/efidisk/tpmstate; container: rootfs and mpN), in slot order. */
    default List<Disk> disks() {
        return slots(Disk.SLOT).stream().map(k -> new Disk(k, PropertyString.parse(value(k)))).toList();
    }

    /** @return the network interfaces {@code netN} in slot order. */
    default List<Nic> nics() {
        return slots(Nic.SLOT).stream().map(k -> new Nic(k, PropertyString.parse(value(k)))).toList();
    }

    /** @return the config keys matching {@code pattern}, ordered by prefix then number. */
    default List<String> slots(Pattern pattern) {
        List<String> keys = new ArrayList<>();
        for (String k : config().keySet()) {
            if (pattern.matcher(k).matches()) {
                keys.add(k);
            }
        }
        keys.sort(SLOT_ORDER);
        return keys;
    }

    /** @return the integer value of a config key, or {@code dflt} when unset. */
    default int intValue(String key, int dflt) {
        String v = value(key).trim();
        return v.isEmpty() ? dflt : (int) Double.parseDouble(v);
    }

    /** Orders {@code scsi2} before {@code scsi10}: by the letters first, then by the number. */
    Comparator<String> SLOT_ORDER = Comparator.comparing(Guests::slotLetters).thenComparingInt(Guests::slotNumber);
}
