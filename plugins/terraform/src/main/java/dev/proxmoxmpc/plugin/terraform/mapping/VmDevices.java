package dev.proxmoxmpc.plugin.terraform.mapping;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Nic;
import dev.proxmoxmpc.spi.model.PropertyString;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** VM disks, CD-ROM, EFI disk, TPM state, network devices and serial devices. */
final class VmDevices {
    private VmDevices() {}

    static final FieldSet<Disk> CDROM = new FieldSet<Disk>()
            .always("enabled", false, d -> true, (d, v) -> d)
            .always("file_id", null, Disk::volume, (d, v) -> new Disk(d.slot(), d.spec().withPositional(Pve.text(v))))
            .always("interface", "ide3", Disk::slot, (d, v) -> d);

    static final FieldSet<Disk> EFI = new FieldSet<Disk>()
            .always("datastore_id", "local-lvm", d -> d.storage().isEmpty() ? null : d.storage(),
                    (d, v) -> new Disk(d.slot(), d.spec().withPositional(Pve.text(v) + ":1")))
            .add("file_format", null, d -> d.format().isEmpty() ? null : d.format(), (d, v) -> DiskFields.opt(d, "format", v))
            .always("type", "2m", d -> d.spec().get("efitype").orElse(null), (d, v) -> DiskFields.opt(d, "efitype", v))
            .add("pre_enrolled_keys", false, d -> d.spec().flag("pre-enrolled-keys"),
                    (d, v) -> DiskFields.flag(d, "pre-enrolled-keys", v, false));

    static final FieldSet<Disk> TPM = new FieldSet<Disk>()
            .always("datastore_id", "local-lvm", d -> d.storage().isEmpty() ? null : d.storage(),
                    (d, v) -> new Disk(d.slot(), d.spec().withPositional(Pve.text(v) + ":1")))
            .always("version", "v2.0", d -> d.spec().get("version").orElse(null), (d, v) -> DiskFields.opt(d, "version", v));

    static void disksToHcl(VirtualMachine vm, List<Disk> disks, HclBlock r, List<String> notes) {
        for (Disk d : VmMapping.regularDisks(disks)) {
            DiskFields.FIELDS.fill(d, r.block("disk"));
            String unknown = DiskFields.unknownOptions(d);
            if (!unknown.isEmpty()) {
                notes.add("disk " + d.slot() + " options not expressed: " + unknown);
            }
        }
        List<Disk> cdroms = disks.stream().filter(d -> d.cdrom() && !DiskFields.cloudInit(d)).toList();
        if (!cdroms.isEmpty()) {
            CDROM.fill(cdroms.get(0), r.block("cdrom"));
            cdroms.stream().skip(1).forEach(d -> notes.add("only one cdrom can be expressed; " + d.slot() + " is not"));
        }
        disks.stream().filter(d -> d.slot().equals("efidisk0")).forEach(d -> EFI.fill(d, r.block("efi_disk")));
        disks.stream().filter(d -> d.slot().equals("tpmstate0")).forEach(d -> TPM.fill(d, r.block("tpm_state")));
    }

    static void nicsToHcl(VirtualMachine vm, HclBlock r, List<String> notes) {
        List<Nic> nics = vm.nics();
        for (int i = 0; i < nics.size(); i++) {
            Nic n = nics.get(i);
            NicFields.FIELDS.fill(n, r.block("network_device"));
            if (n.index() != i) {
                notes.add(n.slot() + " is network_device #" + i + ": the provider numbers devices without gaps");
            }
            String unknown = NicFields.unknownOptions(n);
            if (!unknown.isEmpty()) {
                notes.add(n.slot() + " options not expressed: " + unknown);
            }
        }
    }

    static VirtualMachine applyDisks(VirtualMachine vm, HclBlock r) {
        Map<String, HclBlock> wanted = new HashMap<>();
        for (HclBlock b : r.blocks("disk")) {
            if (!(b.get("interface") instanceof String slot)) {
                return vm; // a disk we cannot place (reported by the importer): keep the disks as they are
            }
            wanted.put(slot, b);
        }
        VirtualMachine out = vm;
        for (Disk d : VmMapping.regularDisks(vm.disks())) {
            if (!wanted.containsKey(d.slot())) {
                out = out.withConfigValue(d.slot(), "");
            }
        }
        for (Map.Entry<String, HclBlock> e : wanted.entrySet()) {
            String slot = e.getKey();
            Disk base = out.value(slot).isEmpty() ? newDisk(slot, e.getValue()) : new Disk(slot, PropertyString.parse(out.value(slot)));
            out = out.withConfigValue(slot, DiskFields.FIELDS.apply(base, e.getValue()).spec().format());
        }
        out = applyCdrom(out, VmMapping.first(r, "cdrom"));
        out = applySingle(out, "efidisk0", EFI, VmMapping.first(r, "efi_disk"));
        return applySingle(out, "tpmstate0", TPM, VmMapping.first(r, "tpm_state"));
    }

    private static Disk newDisk(String slot, HclBlock b) {
        Object ds = b.get("datastore_id");
        Object size = b.get("size");
        String dsText = ds instanceof String s ? s : "local-lvm";
        String sizeText = size == null || size == Unknown.VALUE ? "8" : Pve.text(size);
        return new Disk(slot, PropertyString.parse(dsText + ":" + sizeText + ",size=" + sizeText + "G"));
    }

    private static VirtualMachine applySingle(VirtualMachine vm, String slot, FieldSet<Disk> fields, HclBlock b) {
        if (b == null) {
            return vm.withConfigValue(slot, "");
        }
        Disk base = new Disk(slot, PropertyString.parse(vm.value(slot).isEmpty() ? "local-lvm:1" : vm.value(slot)));
        return vm.withConfigValue(slot, fields.apply(base, b).spec().format());
    }

    private static VirtualMachine applyCdrom(VirtualMachine vm, HclBlock b) {
        boolean enabled = b != null && !Boolean.FALSE.equals(b.get("enabled"));
        if (b != null && b.get("interface") == Unknown.VALUE) {
            return vm;
        }
        String slot = b == null || !(b.get("interface") instanceof String s) ? "ide3" : s;
        VirtualMachine out = vm;
        for (Disk d : vm.disks()) {
            if (d.cdrom() && !DiskFields.cloudInit(d) && (!enabled || !d.slot().equals(slot))) {
                out = out.withConfigValue(d.slot(), "");
            }
        }
        if (!enabled) {
            return out;
        }
        String current = out.value(slot).isEmpty() ? "none,media=cdrom" : out.value(slot);
        return out.withConfigValue(slot, CDROM.apply(new Disk(slot, PropertyString.parse(current)), b).spec().format());
    }

    static VirtualMachine applyNics(VirtualMachine vm, HclBlock r) {
        List<HclBlock> wanted = r.blocks("network_device");
        List<Nic> base = vm.nics();
        VirtualMachine out = vm;
        for (int i = wanted.size(); i < base.size(); i++) {
            out = out.withConfigValue(base.get(i).slot(), "");
        }
        int next = base.isEmpty() ? 0 : base.get(base.size() - 1).index() + 1;
        for (int i = 0; i < wanted.size(); i++) {
            Nic n = i < base.size() ? base.get(i) : new Nic("net" + next++, PropertyString.EMPTY);
            out = out.withConfigValue(n.slot(), NicFields.FIELDS.apply(n, wanted.get(i)).spec().format());
        }
        return out;
    }

    static VirtualMachine applySerials(VirtualMachine vm, List<HclBlock> wanted) {
        VirtualMachine out = vm;
        List<String> slots = vm.slots(Pattern.compile("serial\\d+"));
        for (String s : slots) {
            out = out.withConfigValue(s, "");
        }
        for (int i = 0; i < wanted.size(); i++) {
            Object dev = wanted.get(i).get("device");
            String value = dev == null ? "socket" : dev == Unknown.VALUE && i < slots.size() ? vm.value(slots.get(i)) : Pve.text(dev);
            out = out.withConfigValue(i < slots.size() ? slots.get(i) : "serial" + i, value);
        }
        return out;
    }
}
