package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The VM {@code initialization} block: the cloud-init drive and the ci* / ipconfigN keys. */
final class VmCloudInit {
    private VmCloudInit() {}

    static Optional<Disk> drive(VirtualMachine vm) {
        return drive(vm.disks());
    }

    static Optional<Disk> drive(List<Disk> disks) {
        return disks.stream().filter(DiskFields::cloudInit).findFirst();
    }

    static void toHcl(VirtualMachine vm, List<Disk> disks, HclBlock r) {
        Optional<Disk> drive = drive(disks);
        if (drive.isEmpty() && vm.config().keySet().stream().noneMatch(VmMapping::cloudInitKey)) {
            return;
        }
        HclBlock init = r.block("initialization");
        drive.ifPresent(d -> init.attr("datastore_id", d.storage()).attr("interface", d.slot()));
        CloudInitFields.TOP.fill(vm, init);
        HclBlock dns = new HclBlock("dns");
        if (CloudInitFields.DNS.fill(vm, dns)) {
            init.add(dns);
        }
        Map<Integer, PropertyString> ips = vm.ipConfigs();
        int max = ips.isEmpty() ? -1 : ips.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int i = 0; i <= max; i++) {
            PropertyString ps = ips.getOrDefault(i, PropertyString.EMPTY);
            HclBlock ip = init.block("ip_config");
            HclBlock v4 = new HclBlock("ipv4");
            if (CloudInitFields.IPV4.fill(ps, v4)) {
                ip.add(v4);
            }
            HclBlock v6 = new HclBlock("ipv6");
            if (CloudInitFields.IPV6.fill(ps, v6)) {
                ip.add(v6);
            }
        }
        HclBlock user = new HclBlock("user_account");
        if (CloudInitFields.USER.fill(vm, user)) {
            init.add(user);
        }
    }

    static VirtualMachine apply(VirtualMachine vm, HclBlock init) {
        VirtualMachine out = vm;
        if (init == null) {
            for (String k : vm.config().keySet()) {
                if (VmMapping.cloudInitKey(k)) {
                    out = out.withConfigValue(k, "");
                }
            }
            VirtualMachine cleared = out;
            return drive(vm).map(d -> cleared.withConfigValue(d.slot(), "")).orElse(cleared);
        }
        out = applyDrive(out, init);
        out = CloudInitFields.TOP.apply(out, init);
        out = CloudInitFields.DNS.apply(out, VmMapping.first(init, "dns"));
        out = CloudInitFields.USER.apply(out, VmMapping.first(init, "user_account"));
        List<HclBlock> ips = init.blocks("ip_config");
        for (String k : vm.config().keySet()) {
            if (k.matches("ipconfig\\d+") && Integer.parseInt(k.substring(8)) >= ips.size()) {
                out = out.withConfigValue(k, "");
            }
        }
        for (int i = 0; i < ips.size(); i++) {
            String key = "ipconfig" + i;
            PropertyString ps = PropertyString.parse(out.value(key));
            ps = CloudInitFields.IPV4.apply(ps, VmMapping.first(ips.get(i), "ipv4"));
            ps = CloudInitFields.IPV6.apply(ps, VmMapping.first(ips.get(i), "ipv6"));
            out = out.withConfigValue(key, ps.format());
        }
        return out;
    }

    private static VirtualMachine applyDrive(VirtualMachine vm, HclBlock init) {
        Optional<Disk> current = drive(vm);
        Object iface = init.get("interface");
        Object ds = init.get("datastore_id");
        String slot = iface instanceof String s && !s.isEmpty() ? s : current.map(Disk::slot).orElse("ide2");
        String store = ds instanceof String s ? s : current.map(Disk::storage).orElse("local-lvm");
        if (current.isPresent() && current.get().slot().equals(slot) && current.get().storage().equals(store)) {
            return vm;
        }
        VirtualMachine out = current.map(d -> vm.withConfigValue(d.slot(), "")).orElse(vm);
        return out.withConfigValue(slot, store + ":cloudinit,media=cdrom");
    }
}
