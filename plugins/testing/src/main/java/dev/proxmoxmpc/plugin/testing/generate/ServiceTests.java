package dev.proxmoxmpc.plugin.testing.generate;

import dev.proxmoxmpc.plugin.testing.check.Check;
import dev.proxmoxmpc.plugin.testing.check.TestFile;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.PowerState;
import dev.proxmoxmpc.spi.model.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code tests/integration/services.test.yml}: the TCP ports a running guest should answer on, from its OS (ssh 22,
 * Windows RDP 3389) and the roles its tags imply (web 80, proxy 443, dns 53, db 5432, cache 6379, monitoring 9090,
 * mqtt 1883).
 */
final class ServiceTests {
    /** Tag to port. */
    static final Map<String, Integer> ROLE_PORTS = Map.of("web", 80, "proxy", 443, "dns", 53, "db", 5432, "cache", 6379,
            "monitoring", 9090, "mqtt", 1883);

    private ServiceTests() {}

    static TestFile of(Inventory desired) {
        List<Check> checks = new ArrayList<>();
        for (Guest g : desired.guests()) {
            if (g.template() || g.status() != PowerState.RUNNING) {
                continue;
            }
            for (int port : ports(g)) {
                checks.add(Check.of("tcp", "guest", g.name(), "port", (long) port));
            }
        }
        return new TestFile("tests/integration/services.test.yml", "", 0, checks);
    }

    static TreeSet<Integer> ports(Guest g) {
        TreeSet<Integer> ports = new TreeSet<>();
        boolean windows = g instanceof VirtualMachine v && v.value("ostype").startsWith("w");
        ports.add(windows ? 3389 : 22);
        if (g instanceof Container || !windows) {
            g.tags().forEach(t -> {
                Integer p = ROLE_PORTS.get(t);
                if (p != null) {
                    ports.add(p);
                }
            });
        }
        return ports;
    }
}
