package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.plugin.monitoring.settings.Units;
import dev.proxmoxmpc.spi.provider.ApiData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Running guests at their limits now ({@code /cluster/resources}): CPU at or above the CPU threshold, or memory at or
 * above the memory threshold. A VM whose {@code mem} equals {@code memhost} reports the host's view only (no balloon
 * driver) and is not judged on memory. Findings are warnings: a busy guest is a sizing matter ({@code rightsize}).
 */
final class GuestLoadCheck {
    private final HealthLimits limits;

    GuestLoadCheck(HealthLimits limits) {
        this.limits = limits;
    }

    Check run(HealthInputs in) {
        List<String> busy = new ArrayList<>();
        int running = 0;
        for (Map<String, Object> r : in.resources()) {
            String type = ApiData.string(r, "type");
            if (!(type.equals("qemu") || type.equals("lxc")) || !ApiData.string(r, "status").equals("running")) {
                continue;
            }
            running++;
            double cpu = ApiData.number(r, "cpu", 0);
            double max = ApiData.number(r, "maxmem", 0);
            double mem = ApiData.number(r, "mem", 0);
            boolean hostView = type.equals("qemu") && r.containsKey("memhost") && mem == ApiData.number(r, "memhost", -1);
            List<String> why = new ArrayList<>();
            if (cpu >= limits.guestCpu()) {
                why.add("CPU " + Units.percent(cpu));
            }
            if (!hostView && max > 0 && mem / max >= limits.guestMemory()) {
                why.add("memory " + Units.percent(mem / max));
            }
            if (!why.isEmpty()) {
                busy.add(ApiData.string(r, "vmid") + " " + ApiData.string(r, "name") + " on " + ApiData.string(r, "node")
                        + ": " + String.join(", ", why) + " (see /rightsize)");
            }
        }
        return busy.isEmpty() ? Check.ok("guests", running + " running guests below their limits")
                : new Check("guests", Status.WARNING, busy.size() + " of " + running + " running guests at their limits", busy);
    }
}
