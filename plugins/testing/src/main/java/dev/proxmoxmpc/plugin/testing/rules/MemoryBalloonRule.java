package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** The balloon target is not above the VM's memory and memory is not absurdly small. */
@Extension
public class MemoryBalloonRule extends Rule {
    static final long MIN_MIB = 256;

    public MemoryBalloonRule() {
        super("memory-balloon-sanity", Severity.ERROR,
                "PVE refuses a balloon target above the VM's memory, and a VM with less than 256 MiB rarely boots a modern OS",
                "set balloon between 0 (off) and memory, and memory to at least 256 MiB");
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        List<Diagnostic> out = new ArrayList<>();
        for (VirtualMachine v : desired.vms()) {
            long memory = v.memoryMiB();
            long balloon = v.intValue("balloon", -1);
            if (balloon > memory) {
                out.add(finding(v, "balloon " + balloon + " MiB is above memory " + memory + " MiB"));
            }
            if (memory < MIN_MIB) {
                out.add(finding(v, "memory " + memory + " MiB is below " + MIN_MIB + " MiB"));
            }
        }
        return out;
    }
}
