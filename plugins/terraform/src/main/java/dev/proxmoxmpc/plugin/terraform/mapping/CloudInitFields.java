package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;

/** The VM {@code initialization} block's flat parts: top attributes, dns, user_account, ipv4/ipv6. */
final class CloudInitFields {
    private CloudInitFields() {}

    static VirtualMachine set(VirtualMachine vm, String key, Object v) {
        return vm.withConfigValue(key, Pve.text(v));
    }

    private static VirtualMachine custom(VirtualMachine vm, String option, Object v) {
        return set(vm, "cicustom", Pve.withOpt(vm, "cicustom", option, Pve.text(v)));
    }

    static final FieldSet<VirtualMachine> TOP = new FieldSet<VirtualMachine>()
            .add("type", null, vm -> Pve.str(vm, "citype"), (vm, v) -> set(vm, "citype", v))
            .add("upgrade", null, vm -> Pve.str(vm, "ciupgrade") == null ? null : Pve.bool(Pve.str(vm, "ciupgrade"), true),
                    (vm, v) -> set(vm, "ciupgrade", v == null ? "" : Pve.flag(v)))
            .add("user_data_file_id", null, vm -> Pve.opt(vm, "cicustom", "user"), (vm, v) -> custom(vm, "user", v))
            .add("vendor_data_file_id", null, vm -> Pve.opt(vm, "cicustom", "vendor"), (vm, v) -> custom(vm, "vendor", v))
            .add("network_data_file_id", null, vm -> Pve.opt(vm, "cicustom", "network"), (vm, v) -> custom(vm, "network", v))
            .add("meta_data_file_id", null, vm -> Pve.opt(vm, "cicustom", "meta"), (vm, v) -> custom(vm, "meta", v));

    static final FieldSet<VirtualMachine> DNS = new FieldSet<VirtualMachine>()
            .add("domain", null, vm -> Pve.str(vm, "searchdomain"), (vm, v) -> set(vm, "searchdomain", v))
            .add("servers", null, vm -> Pve.list(Pve.str(vm, "nameserver"), "[ ,;]+"),
                    (vm, v) -> set(vm, "nameserver", String.join(" ", Pve.strings(v))));

    static final FieldSet<VirtualMachine> USER = new FieldSet<VirtualMachine>()
            .add("username", null, vm -> Pve.str(vm, "ciuser"), (vm, v) -> set(vm, "ciuser", v))
            .add("keys", null, vm -> Pve.sshKeys(Pve.str(vm, "sshkeys")),
                    (vm, v) -> set(vm, "sshkeys", v == null ? "" : Pve.encodeSshKeys(Pve.strings(v))));

    static FieldSet<PropertyString> address(String ipKey, String gwKey) {
        return new FieldSet<PropertyString>()
                .add("address", null, ps -> ps.get(ipKey).orElse(null), (ps, v) -> ps.with(ipKey, Pve.text(v)))
                .add("gateway", null, ps -> ps.get(gwKey).orElse(null), (ps, v) -> ps.with(gwKey, Pve.text(v)));
    }

    static final FieldSet<PropertyString> IPV4 = address("ip", "gw");
    static final FieldSet<PropertyString> IPV6 = address("ip6", "gw6");
}
