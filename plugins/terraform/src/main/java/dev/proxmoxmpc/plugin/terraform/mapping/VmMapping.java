package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code proxmox_virtual_environment_vm} <-> {@link VirtualMachine}. {@link #toHcl} writes the resource as the
 * provider reads the guest back; {@link #apply} lays a parsed resource over a base guest, touching only what
 * differs.
 */
public final class VmMapping {
    public static final String TYPE = "proxmox_virtual_environment_vm";

    /** Config keys the mapping expresses (or deliberately leaves to the server). */
    private static final Pattern HANDLED = Pattern.compile("name|description|tags|onboot|template|protection|bios"
            + "|machine|scsihw|acpi|tablet|boot|args|cores|sockets|cpu|numa|cpulimit|cpuunits|affinity|memory|balloon"
            + "|agent|ostype|startup|vga|mpc\\..*|ciuser|sshkeys|ipconfig\\d+|nameserver|searchdomain|cicustom|citype"
            + "|ciupgrade|(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0|net\\d+|serial\\d+|vmgenid|meta|smbios1|lock");
    private static final Pattern CI_KEYS = Pattern.compile("ciuser|sshkeys|ipconfig\\d+|nameserver|searchdomain"
            + "|cicustom|citype|ciupgrade");

    private VmMapping() {}

    /**
     * @param vm    the guest
     * @param name  the resource name
     * @param notes receives one line per setting the resource cannot express
     * @return the resource block
     */
    public static HclBlock toHcl(VirtualMachine vm, String name, List<String> notes) {
        HclBlock r = new HclBlock("resource", TYPE, name);
        VmFields.TOP.fill(vm, r);
        if (Pve.str(vm, "mpc.clone-from") != null) {
            VmFields.CLONE.fill(vm, r.block("clone"));
        }
        VmFields.AGENT.fill(vm, r.block("agent"));
        VmFields.CPU.fill(vm, r.block("cpu"));
        VmFields.MEMORY.fill(vm, r.block("memory"));
        List<Disk> disks = vm.disks();
        VmDevices.disksToHcl(vm, disks, r, notes);
        VmDevices.nicsToHcl(vm, r, notes);
        VmCloudInit.toHcl(vm, disks, r);
        if (Pve.str(vm, "ostype") != null) {
            VmFields.OS.fill(vm, r.block("operating_system"));
        }
        if (Pve.str(vm, "vga") != null) {
            VmFields.VGA.fill(vm, r.block("vga"));
        }
        for (String slot : vm.slots(Pattern.compile("serial\\d+"))) {
            r.block("serial_device").attr("device", vm.value(slot));
        }
        HclBlock startup = new HclBlock("startup");
        if (VmFields.STARTUP.fill(vm, startup)) {
            r.add(startup);
        }
        unmapped(vm, notes);
        return r;
    }

    private static void unmapped(VirtualMachine vm, List<String> notes) {
        List<String> keys = new ArrayList<>();
        vm.config().keySet().stream().filter(k -> !HANDLED.matcher(k).matches()).forEach(keys::add);
        if (!keys.isEmpty()) {
            notes.add("not expressed in this file (kept in proxmox-mpc state): " + String.join(", ", keys));
        }
        if (!vm.value("cipassword").isEmpty()) {
            notes.add("cloud-init password (cipassword) is a secret and is not written here");
        }
        PropertyString cpu = PropertyString.parse(vm.value("cpu"));
        for (PropertyString.Entry e : cpu.entries()) {
            if (!e.key().isEmpty() && !e.key().equals("cputype") && !e.key().equals("flags")) {
                notes.add("cpu option " + e.key() + " is not expressed");
            }
        }
    }

    /**
     * @param base the guest to update (or a fresh one for a new VMID)
     * @param r    the parsed resource (evaluated values; {@link Unknown#VALUE} where not evaluable)
     * @return the base with the resource's settings laid over it
     */
    public static VirtualMachine apply(VirtualMachine base, HclBlock r) {
        VirtualMachine vm = VmFields.TOP.apply(base, r);
        HclBlock clone = first(r, "clone");
        if (clone != null || Pve.str(vm, "mpc.clone-from") != null) {
            vm = VmFields.CLONE.apply(vm, clone);
            if (clone == null) {
                vm = vm.withConfigValue("mpc.full-clone", "");
            }
        }
        vm = VmFields.AGENT.apply(vm, first(r, "agent"));
        vm = VmFields.CPU.apply(vm, first(r, "cpu"));
        vm = VmFields.MEMORY.apply(vm, first(r, "memory"));
        vm = VmDevices.applyDisks(vm, r);
        vm = VmDevices.applyNics(vm, r);
        vm = VmCloudInit.apply(vm, first(r, "initialization"));
        vm = VmFields.OS.apply(vm, first(r, "operating_system"));
        if (first(r, "vga") != null) {
            vm = VmFields.VGA.apply(vm, first(r, "vga"));
        }
        vm = VmDevices.applySerials(vm, r.blocks("serial_device"));
        return VmFields.STARTUP.apply(vm, first(r, "startup"));
    }

    /** @return whether a config key belongs to cloud-init (removed when the file has no initialization block). */
    static boolean cloudInitKey(String key) {
        return CI_KEYS.matcher(key).matches();
    }

    static HclBlock first(HclBlock r, String type) {
        List<HclBlock> b = r.blocks(type);
        return b.isEmpty() ? null : b.get(0);
    }

    /** The names of the attributes and blocks the importer maps; anything else is reported. */
    public static final java.util.Set<String> MAPPED = java.util.Set.of("name", "node_name", "vm_id", "description",
            "tags", "pool_id", "on_boot", "started", "template", "protection", "bios", "machine", "scsi_hardware", "acpi",
            "tablet_device", "boot_order", "kvm_arguments", "clone", "agent", "cpu", "memory", "disk", "cdrom",
            "efi_disk", "tpm_state", "network_device", "initialization", "operating_system", "vga", "serial_device",
            "startup");

    /** Block path -> the attribute and block names the importer maps there. */
    public static final java.util.Map<String, java.util.Set<String>> KNOWN = java.util.Map.ofEntries(
            java.util.Map.entry("", MAPPED),
            java.util.Map.entry("clone", VmFields.CLONE.names()),
            java.util.Map.entry("agent", VmFields.AGENT.names()),
            java.util.Map.entry("cpu", VmFields.CPU.names()),
            java.util.Map.entry("memory", VmFields.MEMORY.names()),
            java.util.Map.entry("disk", DiskFields.FIELDS.names()),
            java.util.Map.entry("cdrom", VmDevices.CDROM.names()),
            java.util.Map.entry("efi_disk", VmDevices.EFI.names()),
            java.util.Map.entry("tpm_state", VmDevices.TPM.names()),
            java.util.Map.entry("network_device", NicFields.FIELDS.names()),
            java.util.Map.entry("initialization", union(CloudInitFields.TOP.names(),
                    java.util.Set.of("datastore_id", "interface", "dns", "ip_config", "user_account"))),
            java.util.Map.entry("initialization.dns", CloudInitFields.DNS.names()),
            java.util.Map.entry("initialization.user_account", CloudInitFields.USER.names()),
            java.util.Map.entry("initialization.ip_config", java.util.Set.of("ipv4", "ipv6")),
            java.util.Map.entry("initialization.ip_config.ipv4", CloudInitFields.IPV4.names()),
            java.util.Map.entry("initialization.ip_config.ipv6", CloudInitFields.IPV6.names()),
            java.util.Map.entry("operating_system", VmFields.OS.names()),
            java.util.Map.entry("vga", VmFields.VGA.names()),
            java.util.Map.entry("startup", VmFields.STARTUP.names()),
            java.util.Map.entry("serial_device", java.util.Set.of("device")));

    static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return java.util.Set.copyOf(out);
    }

    static List<Disk> regularDisks(List<Disk> disks) {
        return disks.stream().filter(d -> d.slot().matches("(ide|sata|scsi|virtio)\\d+"))
                .filter(d -> !d.cdrom() && !DiskFields.cloudInit(d)).toList();
    }

    static List<Nic> nics(VirtualMachine vm) {
        return vm.nics();
    }
}
