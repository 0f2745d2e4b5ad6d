package dev.proxmoxmpc.plugin.prometheus;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** A {@code /validate} rule from a plugin: every guest has an address Prometheus can scrape (a warning). */
@Extension
public class ScrapeAddressPolicy implements Policy {
    @Override
    public String id() {
        return "prometheus-scrape-address";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String why() {
        return "a guest without a known address is missing from monitoring/prometheus/targets.json, so nobody sees it go down";
    }

    @Override
    public String fix() {
        return "give the guest a static address (ipconfig0, or ip= on a container's net0)";
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        List<Diagnostic> out = new ArrayList<>();
        for (Guest g : desired.guests()) {
            if (!g.template() && ScrapeTarget.of(g, 9100).isEmpty()) {
                out.add(Diagnostic.warning(g.name() + ": no address known, not a Prometheus target", "vm/" + g.vmid()));
            }
        }
        return out;
    }
}
