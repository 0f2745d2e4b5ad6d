package dev.proxmoxmpc.plugin.simulator.ha;

import dev.proxmoxmpc.plugin.simulator.error.ApiException;
import dev.proxmoxmpc.plugin.simulator.state.Cluster;
import dev.proxmoxmpc.plugin.simulator.state.Guest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HA resource ids ({@code vm:101}, {@code ct:200}, or a bare VMID) read as pve-ha-manager reads them. */
public final class HaSids {
    private static final Pattern TYPED = Pattern.compile("(\\S+):(\\S+)");
    private static final Pattern VMID = Pattern.compile("[1-9][0-9]+");

    /** A resource id split into its type and name. */
    public record Sid(String type, String name) {
        /** @return {@code type:name}. */
        public String id() {
            return type + ":" + name;
        }
    }

    private HaSids() {
    }

    /**
     * {@code parse_sid}: a bare VMID takes its guest's type.
     *
     * @throws ApiException 500 {@code unable do detect SID from VMID - VM/CT 999 does not exist} (PVE's spelling)
     */
    public static Sid parse(Cluster c, String sid) {
        if (sid.matches("\\d+")) {
            Guest g = guest(c, sid);
            if (g == null) {
                throw ApiException.failed("unable do detect SID from VMID - VM/CT " + sid + " does not exist");
            }
            return new Sid(g.qemu() ? "vm" : "ct", sid);
        }
        Matcher m = TYPED.matcher(sid);
        if (!m.matches()) {
            throw ApiException.failed("unable to parse service id '" + sid + "'");
        }
        return new Sid(m.group(1), m.group(2));
    }

    /**
     * What creating a resource checks: a resource plugin for the type, a VMID as name, a guest of that kind.
     *
     * @return the guest
     * @throws ApiException 500 {@code invalid VMID}, {@code resource 'vm:999' does not exist in cluster},
     *                      {@code resource 'ct:101' - guest with ID 101 is not a container}
     */
    public static Guest requireGuest(Cluster c, Sid s) {
        boolean vm = s.type().equals("vm");
        if (!vm && !s.type().equals("ct")) {
            throw ApiException.failed("Can't call method \"verify_name\" on an undefined value");
        }
        if (!VMID.matcher(s.name()).matches()) {
            throw ApiException.failed("invalid VMID");
        }
        Guest g = guest(c, s.name());
        if (g == null) {
            throw ApiException.failed("resource '" + s.id() + "' does not exist in cluster");
        }
        if (g.qemu() != vm) {
            throw ApiException.failed("resource '" + s.id() + "' - guest with ID " + s.name() + " is not a " + (vm ? "VM" : "container"));
        }
        return g;
    }

    private static Guest guest(Cluster c, String vmid) {
        try {
            return c.guests.get(Integer.parseInt(vmid));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
