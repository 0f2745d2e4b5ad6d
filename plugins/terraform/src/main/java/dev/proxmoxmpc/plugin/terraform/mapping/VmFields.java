package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;

/** The flat attribute sets of {@code proxmox_virtual_environment_vm}: top level, cpu, memory, agent, ... */
final class VmFields {
    private VmFields() {}

    static VirtualMachine set(VirtualMachine vm, String key, Object v) {
        return vm.withConfigValue(key, Pve.text(v));
    }

    static final FieldSet<VirtualMachine> TOP = new FieldSet<VirtualMachine>()
            .add("name", null, vm -> Pve.str(vm, "name"), (vm, v) -> set(vm, "name", v))
            .always("node_name", null, VirtualMachine::node, (vm, v) -> vm.withNode(Pve.text(v)))
            .always("vm_id", null, vm -> (long) vm.vmid(), (vm, v) -> vm)
            .add("description", null, vm -> Pve.str(vm, "description"), (vm, v) -> set(vm, "description", v))
            .add("tags", null, VirtualMachine::tags, (vm, v) -> set(vm, "tags", String.join(";", Pve.strings(v))))
            .add("pool_id", null, vm -> vm.pool().isEmpty() ? null : vm.pool(), (vm, v) -> vm.withPool(Pve.text(v)))
            .always("on_boot", true, VirtualMachine::onboot, (vm, v) -> set(vm, "onboot", Pve.flag(v)))
            .always("started", true, vm -> vm.status() == PowerState.RUNNING,
                    (vm, v) -> vm.withStatus(Boolean.TRUE.equals(v) ? PowerState.RUNNING : PowerState.STOPPED))
            .add("template", false, VirtualMachine::template, (vm, v) -> set(vm, "template", Boolean.TRUE.equals(v) ? "1" : ""))
            .add("protection", false, VirtualMachine::protection,
                    (vm, v) -> set(vm, "protection", Boolean.TRUE.equals(v) ? "1" : ""))
            .add("bios", "seabios", vm -> Pve.str(vm, "bios"), (vm, v) -> set(vm, "bios", v))
            .add("machine", null, vm -> Pve.str(vm, "machine"), (vm, v) -> set(vm, "machine", v))
            .add("scsi_hardware", "virtio-scsi-pci", vm -> vm.value("scsihw").isEmpty() ? "lsi" : vm.value("scsihw"),
                    (vm, v) -> set(vm, "scsihw", v))
            .add("acpi", true, vm -> Pve.bool(Pve.str(vm, "acpi"), true), (vm, v) -> set(vm, "acpi", Pve.flag(v)))
            .add("tablet_device", true, vm -> Pve.bool(Pve.str(vm, "tablet"), true),
                    (vm, v) -> set(vm, "tablet", Pve.flag(v)))
            .add("boot_order", null, VmFields::bootOrder,
                    (vm, v) -> set(vm, "boot", v == null ? "" : "order=" + String.join(";", Pve.strings(v))))
            .add("kvm_arguments", null, vm -> Pve.str(vm, "args"), (vm, v) -> set(vm, "args", v));

    static List<String> bootOrder(VirtualMachine vm) {
        String order = PropertyString.parse(vm.value("boot")).getOrEmpty("order");
        return Pve.list(order, "[;,]");
    }

    static final FieldSet<VirtualMachine> CPU = new FieldSet<VirtualMachine>()
            .always("cores", 1, vm -> (long) vm.cores(), (vm, v) -> set(vm, "cores", v))
            .always("sockets", 1, vm -> (long) vm.sockets(), (vm, v) -> set(vm, "sockets", v))
            .add("type", null, vm -> vm.cpuType().isEmpty() ? null : vm.cpuType(), VmFields::setCpuType)
            .add("flags", null, vm -> Pve.list(Pve.opt(vm, "cpu", "flags"), ";"),
                    (vm, v) -> set(vm, "cpu", Pve.withOpt(vm, "cpu", "flags", String.join(";", Pve.strings(v)))))
            .add("numa", false, vm -> Pve.bool(Pve.str(vm, "numa"), false), (vm, v) -> set(vm, "numa", Pve.flag(v)))
            .add("limit", 0, vm -> Pve.num(Pve.str(vm, "cpulimit")), (vm, v) -> set(vm, "cpulimit", v))
            .add("units", null, vm -> Pve.num(Pve.str(vm, "cpuunits")), (vm, v) -> set(vm, "cpuunits", v))
            .add("affinity", null, vm -> Pve.str(vm, "affinity"), (vm, v) -> set(vm, "affinity", v));

    private static VirtualMachine setCpuType(VirtualMachine vm, Object v) {
        PropertyString ps = PropertyString.parse(vm.value("cpu"));
        String type = Pve.text(v);
        if (ps.get("cputype").isPresent()) {
            return set(vm, "cpu", ps.with("cputype", type).format());
        }
        if (type.isEmpty()) {
            List<PropertyString.Entry> rest = new ArrayList<>(ps.entries());
            rest.removeIf(e -> e.key().isEmpty());
            return set(vm, "cpu", new PropertyString(rest).format());
        }
        return set(vm, "cpu", ps.withPositional(type).format());
    }

    static final FieldSet<VirtualMachine> MEMORY = new FieldSet<VirtualMachine>()
            .always("dedicated", 512, VmFields::memory, (vm, v) -> set(vm, "memory", v))
            .add("floating", 0, vm -> Pve.num(Pve.str(vm, "balloon")), (vm, v) -> set(vm, "balloon", v));

    private static Object memory(VirtualMachine vm) {
        String v = vm.value("memory");
        if (v.isEmpty()) {
            return null;
        }
        PropertyString ps = PropertyString.parse(v);
        return Pve.num(ps.get("current").or(ps::positional).orElse(v));
    }

    static final FieldSet<VirtualMachine> AGENT = new FieldSet<VirtualMachine>()
            .always("enabled", false, VirtualMachine::agent, VmFields::setAgentEnabled)
            .add("trim", false, vm -> Pve.bool(Pve.opt(vm, "agent", "fstrim_cloned_disks"), false),
                    (vm, v) -> set(vm, "agent", Pve.withOpt(vm, "agent", "fstrim_cloned_disks", Pve.flag(v))))
            .add("type", "virtio", vm -> Pve.opt(vm, "agent", "type"),
                    (vm, v) -> set(vm, "agent", Pve.withOpt(vm, "agent", "type", Pve.text(v))));

    private static VirtualMachine setAgentEnabled(VirtualMachine vm, Object v) {
        PropertyString ps = PropertyString.parse(vm.value("agent"));
        String flag = Pve.flag(v);
        PropertyString out = ps.get("enabled").isPresent() ? ps.with("enabled", flag) : ps.withPositional(flag);
        return set(vm, "agent", out.format());
    }

    static final FieldSet<VirtualMachine> OS = new FieldSet<VirtualMachine>()
            .always("type", "other", vm -> Pve.str(vm, "ostype"), (vm, v) -> set(vm, "ostype", v));

    static final FieldSet<VirtualMachine> STARTUP = new FieldSet<VirtualMachine>()
            .add("order", -1, vm -> Pve.num(Pve.opt(vm, "startup", "order")),
                    (vm, v) -> set(vm, "startup", Pve.withOpt(vm, "startup", "order", num(v))))
            .add("up_delay", -1, vm -> Pve.num(Pve.opt(vm, "startup", "up")),
                    (vm, v) -> set(vm, "startup", Pve.withOpt(vm, "startup", "up", num(v))))
            .add("down_delay", -1, vm -> Pve.num(Pve.opt(vm, "startup", "down")),
                    (vm, v) -> set(vm, "startup", Pve.withOpt(vm, "startup", "down", num(v))));

    private static String num(Object v) {
        String s = Pve.text(v);
        return s.equals("-1") ? "" : s;
    }

    static final FieldSet<VirtualMachine> VGA = new FieldSet<VirtualMachine>()
            .always("type", "std", vm -> PropertyString.parse(vm.value("vga")).positional()
                    .orElse(Pve.opt(vm, "vga", "type")), VmFields::setVgaType)
            .add("memory", 16, vm -> Pve.num(Pve.opt(vm, "vga", "memory")),
                    (vm, v) -> set(vm, "vga", Pve.withOpt(vm, "vga", "memory", Pve.text(v))))
            .add("clipboard", null, vm -> Pve.opt(vm, "vga", "clipboard"),
                    (vm, v) -> set(vm, "vga", Pve.withOpt(vm, "vga", "clipboard", Pve.text(v))));

    private static VirtualMachine setVgaType(VirtualMachine vm, Object v) {
        PropertyString ps = PropertyString.parse(vm.value("vga"));
        return set(vm, "vga", (ps.get("type").isPresent() ? ps.with("type", Pve.text(v)) : ps.withPositional(Pve.text(v))).format());
    }

    static final FieldSet<VirtualMachine> CLONE = new FieldSet<VirtualMachine>()
            .always("vm_id", null, vm -> Pve.num(Pve.str(vm, "mpc.clone-from")), (vm, v) -> set(vm, "mpc.clone-from", v))
            .always("full", true, vm -> Pve.str(vm, "mpc.clone-from") == null ? null
                    : Pve.bool(Pve.str(vm, "mpc.full-clone"), true), (vm, v) -> set(vm, "mpc.full-clone", Pve.flag(v)));
}
