package dev.proxmoxmpc.kernel.state;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A row of the {@code guests} table: typed columns for queries, plus the exact config and runtime as JSON.
 * Public getters because MyBatis reads parameters through them.
 */
public final class GuestRow {
    private final Guest guest;
    private String config;
    private String runtime;

    GuestRow(Guest guest) {
        this.guest = guest;
    }

    public int getVmid() {
        return guest.vmid();
    }

    public String getType() {
        return guest.kind().apiType();
    }

    public String getNode() {
        return guest.node();
    }

    public String getName() {
        return guest.name();
    }

    public String getStatus() {
        return guest.status().pve();
    }

    public Integer getCores() {
        try {
            return guest.cores();
        } catch (RuntimeException e) {
            return null; // an unparsable value stays in the raw config, the typed column is left empty
        }
    }

    public Long getMemory() {
        try {
            return guest.memoryMiB();
        } catch (RuntimeException e) {
            return null;
        }
    }

    public String getPool() {
        return guest.pool();
    }

    public String getTags() {
        return String.join(";", guest.tags());
    }

    public int getTemplate() {
        return guest.template() ? 1 : 0;
    }

    public String getConfig() {
        if (config == null) {
            config = InventoryJson.writeMap(guest.config());
        }
        return config;
    }

    public String getRuntime() {
        if (runtime == null) {
            runtime = InventoryJson.writeRuntime(guest.runtime());
        }
        return runtime;
    }

    /**
     * @return whether the stored {@code row} (every column, as {@code guestRows} reads it) holds this guest exactly,
     *     the runtime aside ({@link #sameRuntime})
     */
    boolean sameColumns(Map<String, Object> row) {
        return getType().equals(Rows.text(row, "type")) && getNode().equals(Rows.text(row, "node"))
                && getName().equals(Rows.text(row, "name")) && getStatus().equals(Rows.text(row, "status"))
                && getPool().equals(Rows.text(row, "pool")) && getTags().equals(Rows.text(row, "tags"))
                && getTemplate() == Rows.integer(row, "template") && sameNumber(getCores(), row.get("cores"))
                && sameNumber(getMemory(), row.get("memory")) && getConfig().equals(Rows.text(row, "config"));
    }

    /** @return whether the stored {@code row} holds this guest's runtime */
    boolean sameRuntime(Map<String, Object> row) {
        return getRuntime().equals(Rows.text(row, "runtime"));
    }

    private static boolean sameNumber(Number value, Object stored) {
        return value == null ? stored == null : stored instanceof Number n && n.longValue() == value.longValue();
    }

    /** @return the guest a stored row describes. */
    static Guest read(Map<String, Object> row) {
        return read(row, RecentParses.read());
    }

    /** @return the guests stored rows describe, in their order: one read, whose parses the next read may reuse */
    static List<Guest> readAll(List<Map<String, Object>> rows) {
        RecentParses parses = RecentParses.read();
        List<Guest> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(read(r, parses)));
        parses.done();
        return out;
    }

    /** @return the guest a stored row describes, its JSON columns parsed through {@code parses} */
    private static Guest read(Map<String, Object> row, RecentParses parses) {
        int vmid = Rows.integer(row, "vmid");
        String node = Rows.text(row, "node");
        String pool = Rows.text(row, "pool");
        PowerState status = PowerState.fromPve(Rows.text(row, "status"));
        Map<String, String> config = parses.config(Rows.text(row, "config"));
        var runtime = parses.runtime(Rows.text(row, "runtime"));
        return GuestKind.CONTAINER.apiType().equals(Rows.text(row, "type"))
                ? new Container(vmid, node, pool, status, config, runtime)
                : new VirtualMachine(vmid, node, pool, status, config, runtime);
    }
}
