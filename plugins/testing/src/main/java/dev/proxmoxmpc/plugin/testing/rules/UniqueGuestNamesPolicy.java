package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** Two guests with the same name make generated file and resource names collide, and confuse people. */
@Extension
public class UniqueGuestNamesPolicy implements Policy {
    @Override
    public String id() {
        return "unique-guest-names";
    }

    @Override
    public String why() {
        return "two guests with one name make generated file and resource names collide and confuse people";
    }

    @Override
    public String fix() {
        return "rename all but one of the guests";
    }

    @Override
    public List<Diagnostic> check(Inventory desired) {
        Map<String, List<Guest>> byName = new TreeMap<>();
        desired.guests().stream().filter(g -> !g.name().isEmpty())
                .forEach(g -> byName.computeIfAbsent(g.name(), k -> new ArrayList<>()).add(g));
        List<Diagnostic> out = new ArrayList<>();
        byName.forEach((name, guests) -> {
            if (guests.size() > 1) {
                String ids = guests.stream().map(g -> Integer.toString(g.vmid())).collect(Collectors.joining(", "));
                out.add(Diagnostic.error("name '" + name + "' is used by several guests (VMIDs " + ids + "); rename all but one",
                        Rule.source(guests.get(1))));
            }
        });
        return out;
    }
}
