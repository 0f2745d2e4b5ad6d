package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code proxmox_virtual_environment_container} <-> {@link Container}; see {@link VmMapping} for the rules. */
public final class ContainerMapping {
    public static final String TYPE = "proxmox_virtual_environment_container";

    private static final Pattern HANDLED = Pattern.compile("hostname|description|tags|onboot|template|protection"
            + "|unprivileged|arch|cores|cpulimit|cpuunits|memory|swap|searchdomain|nameserver|features|rootfs|mp\\d+"
            + "|net\\d+|mpc\\..*|lock");

    /** The names of the attributes and blocks the importer maps. */
    public static final Set<String> MAPPED = Set.of("node_name", "vm_id", "description", "tags", "pool_id",
            "start_on_boot", "started", "template", "protection", "unprivileged", "clone", "cpu", "memory", "disk",
            "mount_point", "network_interface", "initialization", "features");

    /** Block path -> the attribute and block names the importer maps there. */
    public static final java.util.Map<String, Set<String>> KNOWN = java.util.Map.ofEntries(
            java.util.Map.entry("", MAPPED),
            java.util.Map.entry("clone", Set.of("vm_id", "full")),
            java.util.Map.entry("cpu", ContainerFields.CPU.names()),
            java.util.Map.entry("memory", ContainerFields.MEMORY.names()),
            java.util.Map.entry("disk", ContainerFields.ROOTFS.names()),
            java.util.Map.entry("mount_point", ContainerFields.MOUNT.names()),
            java.util.Map.entry("network_interface", ContainerFields.NIC.names()),
            java.util.Map.entry("features", ContainerFields.FEATURES.names()),
            java.util.Map.entry("initialization", Set.of("hostname", "dns", "ip_config")),
            java.util.Map.entry("initialization.dns", ContainerFields.DNS.names()),
            java.util.Map.entry("initialization.ip_config", Set.of("ipv4", "ipv6")),
            java.util.Map.entry("initialization.ip_config.ipv4", ContainerFields.IPV4.names()),
            java.util.Map.entry("initialization.ip_config.ipv6", ContainerFields.IPV6.names()));

    private ContainerMapping() {}

    public static HclBlock toHcl(Container ct, String name, List<String> notes) {
        HclBlock r = new HclBlock("resource", TYPE, name);
        ContainerFields.TOP.fill(ct, r);
        if (Pve.str(ct, "mpc.clone-from") != null) {
            HclBlock clone = r.block("clone").attr("vm_id", Pve.num(Pve.str(ct, "mpc.clone-from")));
            clone.attr("full", Pve.bool(Pve.str(ct, "mpc.full-clone"), true));
        }
        ContainerFields.CPU.fill(ct, r.block("cpu"));
        ContainerFields.MEMORY.fill(ct, r.block("memory"));
        ct.disks().stream().filter(d -> d.slot().equals("rootfs")).forEach(d -> ContainerFields.ROOTFS.fill(d, r.block("disk")));
        ct.disks().stream().filter(d -> d.slot().startsWith("mp")).forEach(d -> ContainerFields.MOUNT.fill(d, r.block("mount_point")));
        initialization(ct, r);
        List<Nic> nics = ct.nics();
        for (int i = 0; i < nics.size(); i++) {
            ContainerFields.NIC.fill(nics.get(i), r.block("network_interface"));
            if (nics.get(i).index() != i) {
                notes.add(nics.get(i).slot() + " is network_interface #" + i + ": the provider numbers interfaces without gaps");
            }
        }
        if (!ct.value("features").isEmpty()) {
            ContainerFields.FEATURES.fill(ct, r.block("features"));
        }
        List<String> keys = new ArrayList<>();
        ct.config().keySet().stream().filter(k -> !HANDLED.matcher(k).matches()).forEach(keys::add);
        if (!keys.isEmpty()) {
            notes.add("not expressed in this file (kept in proxmox-mpc state): " + String.join(", ", keys));
        }
        return r;
    }

    private static void initialization(Container ct, HclBlock r) {
        HclBlock init = new HclBlock("initialization");
        ContainerFields.HOST.fill(ct, init);
        HclBlock dns = new HclBlock("dns");
        if (ContainerFields.DNS.fill(ct, dns)) {
            init.add(dns);
        }
        List<Nic> nics = ct.nics();
        boolean anyIp = nics.stream().anyMatch(n -> !n.ip().isEmpty() || n.spec().get("ip6").isPresent());
        for (Nic n : anyIp ? nics : List.<Nic>of()) {
            HclBlock ip = init.block("ip_config");
            HclBlock v4 = new HclBlock("ipv4");
            if (ContainerFields.IPV4.fill(n.spec(), v4)) {
                ip.add(v4);
            }
            HclBlock v6 = new HclBlock("ipv6");
            if (ContainerFields.IPV6.fill(n.spec(), v6)) {
                ip.add(v6);
            }
        }
        if (!init.isEmpty()) {
            r.add(init);
        }
    }

    public static Container apply(Container base, HclBlock r) {
        Container ct = ContainerFields.TOP.apply(base, r);
        HclBlock clone = VmMapping.first(r, "clone");
        if (clone == null) {
            ct = ct.withConfigValue("mpc.clone-from", "").withConfigValue("mpc.full-clone", "");
        } else if (clone.get("vm_id") != Unknown.VALUE) { // an unknown source VMID keeps the current settings
            ct = ct.withConfigValue("mpc.clone-from", Pve.text(clone.get("vm_id")));
            Object full = clone.get("full");
            boolean want = full == null || Boolean.TRUE.equals(full) || "true".equals(full);
            if (full != Unknown.VALUE && want != Pve.bool(ct.value("mpc.full-clone"), true)) {
                ct = ct.withConfigValue("mpc.full-clone", Pve.flag(want));
            }
        }
        ct = ContainerFields.CPU.apply(ct, VmMapping.first(r, "cpu"));
        ct = ContainerFields.MEMORY.apply(ct, VmMapping.first(r, "memory"));
        HclBlock disk = VmMapping.first(r, "disk");
        Disk root = new Disk("rootfs", PropertyString.parse(ct.value("rootfs").isEmpty() ? "local:4,size=4G" : ct.value("rootfs")));
        ct = ct.withConfigValue("rootfs", ContainerFields.ROOTFS.apply(root, disk).spec().format());
        ct = applyMounts(ct, r.blocks("mount_point"));
        ct = applyNics(ct, r.blocks("network_interface"), VmMapping.first(r, "initialization"));
        HclBlock init = VmMapping.first(r, "initialization");
        ct = ContainerFields.HOST.apply(ct, init);
        ct = ContainerFields.DNS.apply(ct, init == null ? null : VmMapping.first(init, "dns"));
        HclBlock features = VmMapping.first(r, "features");
        return features == null && ct.value("features").isEmpty() ? ct : ContainerFields.FEATURES.apply(ct, features);
    }

    private static Container applyMounts(Container ct, List<HclBlock> wanted) {
        Container out = ct;
        List<String> slots = ct.slots(Pattern.compile("mp\\d+"));
        for (int i = wanted.size(); i < slots.size(); i++) {
            out = out.withConfigValue(slots.get(i), "");
        }
        for (int i = 0; i < wanted.size(); i++) {
            String slot = i < slots.size() ? slots.get(i) : "mp" + i;
            Disk d = new Disk(slot, PropertyString.parse(out.value(slot)));
            out = out.withConfigValue(slot, ContainerFields.MOUNT.apply(d, wanted.get(i)).spec().format());
        }
        return out;
    }

    private static Container applyNics(Container ct, List<HclBlock> wanted, HclBlock init) {
        List<HclBlock> ips = init == null ? List.of() : init.blocks("ip_config");
        List<Nic> base = ct.nics();
        Container out = ct;
        for (int i = wanted.size(); i < base.size(); i++) {
            out = out.withConfigValue(base.get(i).slot(), "");
        }
        int next = base.isEmpty() ? 0 : base.get(base.size() - 1).index() + 1;
        for (int i = 0; i < wanted.size(); i++) {
            Nic n = i < base.size() ? base.get(i) : new Nic("net" + next++, PropertyString.parse("type=veth"));
            n = ContainerFields.NIC.apply(n, wanted.get(i));
            HclBlock ip = i < ips.size() ? ips.get(i) : null;
            PropertyString ps = ContainerFields.IPV4.apply(n.spec(), ip == null ? null : VmMapping.first(ip, "ipv4"));
            ps = ContainerFields.IPV6.apply(ps, ip == null ? null : VmMapping.first(ip, "ipv6"));
            out = out.withConfigValue(n.slot(), ps.format());
        }
        return out;
    }
}
