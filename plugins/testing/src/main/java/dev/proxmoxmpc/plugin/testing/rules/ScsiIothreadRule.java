package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Disk;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** SCSI disks use the VirtIO SCSI single controller with an I/O thread each. */
@Extension
public class ScsiIothreadRule extends Rule {
    public ScsiIothreadRule() {
        super("virtio-scsi-single-iothread", Severity.WARNING,
                "with VirtIO SCSI single and iothread=1 each disk gets its own I/O thread, which keeps disk I/O off the VM's main loop",
                "set 'scsihw: virtio-scsi-single' and iothread=1 on every scsiN disk");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        List<Diagnostic> out = new ArrayList<>();
        for (VirtualMachine v : desired.vms()) {
            List<Disk> scsi = v.disks().stream().filter(d -> d.bus().equals("scsi") && !d.cdrom()).toList();
            if (scsi.isEmpty()) {
                continue;
            }
            String hw = v.value("scsihw");
            if (!hw.equals("virtio-scsi-single")) {
                out.add(finding(v, "has SCSI disks on controller " + (hw.isEmpty() ? "lsi (the default)" : hw) + ", not virtio-scsi-single"));
            }
            List<String> noThread = scsi.stream().filter(d -> !d.iothread()).map(Disk::slot).toList();
            if (!noThread.isEmpty()) {
                out.add(finding(v, String.join(", ", noThread) + " without iothread=1"));
            }
        }
        return out;
    }
}
