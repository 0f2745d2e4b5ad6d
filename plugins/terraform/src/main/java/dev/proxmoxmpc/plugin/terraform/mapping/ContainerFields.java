package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.PropertyString;
import java.util.Set;

/** The flat attribute sets of {@code proxmox_virtual_environment_container}. */
final class ContainerFields {
    private ContainerFields() {}

    static Container set(Container ct, String key, Object v) {
        return ct.withConfigValue(key, Pve.text(v));
    }

    static final FieldSet<Container> TOP = new FieldSet<Container>()
            .always("node_name", null, Container::node, (ct, v) -> ct.withNode(Pve.text(v)))
            .always("vm_id", null, ct -> (long) ct.vmid(), (ct, v) -> ct)
            .add("description", null, ct -> Pve.str(ct, "description"), (ct, v) -> set(ct, "description", v))
            .add("tags", null, Container::tags, (ct, v) -> set(ct, "tags", String.join(";", Pve.strings(v))))
            .add("pool_id", null, ct -> ct.pool().isEmpty() ? null : ct.pool(), (ct, v) -> ct.withPool(Pve.text(v)))
            .always("start_on_boot", true, Container::onboot, (ct, v) -> set(ct, "onboot", Pve.flag(v)))
            .always("started", true, ct -> ct.status() == PowerState.RUNNING,
                    (ct, v) -> ct.withStatus(Boolean.TRUE.equals(v) ? PowerState.RUNNING : PowerState.STOPPED))
            .add("template", false, Container::template, (ct, v) -> set(ct, "template", Boolean.TRUE.equals(v) ? "1" : ""))
            .add("protection", false, Container::protection,
                    (ct, v) -> set(ct, "protection", Boolean.TRUE.equals(v) ? "1" : ""))
            .always("unprivileged", false, Container::unprivileged,
                    (ct, v) -> set(ct, "unprivileged", Boolean.TRUE.equals(v) ? "1" : ""));

    static final FieldSet<Container> CPU = new FieldSet<Container>()
            .add("architecture", "amd64", ct -> Pve.str(ct, "arch"), (ct, v) -> set(ct, "arch", v))
            .always("cores", 1, ct -> (long) ct.cores(), (ct, v) -> set(ct, "cores", v))
            .add("limit", 0, ct -> Pve.num(Pve.str(ct, "cpulimit")), (ct, v) -> set(ct, "cpulimit", v))
            .add("units", null, ct -> Pve.num(Pve.str(ct, "cpuunits")), (ct, v) -> set(ct, "cpuunits", v));

    static final FieldSet<Container> MEMORY = new FieldSet<Container>()
            .always("dedicated", 512, ct -> Pve.num(Pve.str(ct, "memory")), (ct, v) -> set(ct, "memory", v))
            .always("swap", 0, ct -> ct.swapMiB(), (ct, v) -> set(ct, "swap", v));

    static final FieldSet<Container> HOST = new FieldSet<Container>()
            .add("hostname", null, ct -> Pve.str(ct, "hostname"), (ct, v) -> set(ct, "hostname", v));

    static final FieldSet<Container> DNS = new FieldSet<Container>()
            .add("domain", null, ct -> Pve.str(ct, "searchdomain"), (ct, v) -> set(ct, "searchdomain", v))
            .add("servers", null, ct -> Pve.list(Pve.str(ct, "nameserver"), "[ ,;]+"),
                    (ct, v) -> set(ct, "nameserver", String.join(" ", Pve.strings(v))));

    private static Container feature(Container ct, String key, Object v) {
        String value = Boolean.TRUE.equals(v) ? "1" : ct.features().get(key).isPresent() ? "0" : "";
        return set(ct, "features", ct.features().with(key, value).format());
    }

    static final FieldSet<Container> FEATURES = new FieldSet<Container>()
            .add("nesting", false, ct -> ct.features().flag("nesting"), (ct, v) -> feature(ct, "nesting", v))
            .add("keyctl", false, ct -> ct.features().flag("keyctl"), (ct, v) -> feature(ct, "keyctl", v))
            .add("fuse", false, ct -> ct.features().flag("fuse"), (ct, v) -> feature(ct, "fuse", v))
            .add("mknod", false, ct -> ct.features().flag("mknod"), (ct, v) -> feature(ct, "mknod", v))
            .add("mount", null, ct -> Pve.list(ct.features().getOrEmpty("mount"), ";"),
                    (ct, v) -> set(ct, "features", ct.features().with("mount", String.join(";", Pve.strings(v))).format()));

    static final FieldSet<Disk> ROOTFS = new FieldSet<Disk>()
            .always("datastore_id", "local", d -> d.storage().isEmpty() ? null : d.storage(),
                    (d, v) -> new Disk(d.slot(), d.spec().withPositional(Pve.text(v) + ":" + Math.max(1, d.sizeGiB()))))
            .always("size", 4, d -> d.size().isEmpty() ? null : d.sizeGiB(), DiskFields::setSize)
            .add("acl", false, d -> d.spec().flag("acl"), (d, v) -> DiskFields.flag(d, "acl", v, false))
            .add("quota", false, d -> d.spec().flag("quota"), (d, v) -> DiskFields.flag(d, "quota", v, false));

    static final FieldSet<Disk> MOUNT = new FieldSet<Disk>()
            .always("volume", null, Disk::volume, (d, v) -> new Disk(d.slot(), d.spec().withPositional(Pve.text(v))))
            .always("path", null, d -> d.mountPoint().isEmpty() ? null : d.mountPoint(), (d, v) -> DiskFields.opt(d, "mp", v))
            .add("size", null, d -> d.size().isEmpty() ? null : d.size(), (d, v) -> DiskFields.opt(d, "size", v))
            .add("backup", false, d -> d.spec().flag("backup"), (d, v) -> DiskFields.flag(d, "backup", v, false))
            .add("acl", false, d -> d.spec().flag("acl"), (d, v) -> DiskFields.flag(d, "acl", v, false))
            .add("quota", false, d -> d.spec().flag("quota"), (d, v) -> DiskFields.flag(d, "quota", v, false))
            .add("read_only", false, d -> d.spec().flag("ro"), (d, v) -> DiskFields.flag(d, "ro", v, false))
            .add("replicate", true, d -> Pve.bool(d.spec().getOrEmpty("replicate"), true),
                    (d, v) -> DiskFields.flag(d, "replicate", v, true))
            .add("shared", false, d -> d.spec().flag("shared"), (d, v) -> DiskFields.flag(d, "shared", v, false));

    static final Set<String> NIC_KNOWN = Set.of("name", "bridge", "hwaddr", "tag", "firewall", "mtu", "rate", "ip",
            "gw", "ip6", "gw6", "type");

    static final FieldSet<Nic> NIC = new FieldSet<Nic>()
            .always("name", null, n -> n.name().isEmpty() ? null : n.name(), (n, v) -> NicFields.opt(n, "name", v))
            .always("bridge", "vmbr0", n -> n.bridge().isEmpty() ? null : n.bridge(), (n, v) -> NicFields.opt(n, "bridge", v))
            .add("mac_address", null, n -> n.mac().isEmpty() ? null : n.mac(), (n, v) -> NicFields.opt(n, "hwaddr", v))
            .add("vlan_id", 0, n -> Pve.num(n.tag()), (n, v) -> NicFields.opt(n, "tag", zeroless(v)))
            .add("firewall", false, Nic::firewall, (n, v) -> NicFields.flag(n, "firewall", v))
            .add("mtu", 0, n -> Pve.num(n.spec().getOrEmpty("mtu")), (n, v) -> NicFields.opt(n, "mtu", zeroless(v)))
            .add("rate_limit", 0, n -> Pve.num(n.spec().getOrEmpty("rate")), (n, v) -> NicFields.opt(n, "rate", zeroless(v)));

    private static String zeroless(Object v) {
        String s = Pve.text(v);
        return s.equals("0") ? "" : s;
    }

    static final FieldSet<PropertyString> IPV4 = CloudInitFields.address("ip", "gw");
    static final FieldSet<PropertyString> IPV6 = CloudInitFields.address("ip6", "gw6");
}
