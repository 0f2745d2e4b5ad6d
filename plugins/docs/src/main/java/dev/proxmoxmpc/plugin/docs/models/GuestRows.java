package dev.proxmoxmpc.plugin.docs.models;

import dev.proxmoxmpc.plugin.docs.diagram.Units;
import dev.proxmoxmpc.plugin.docs.facts.GuestFacts;
import dev.proxmoxmpc.plugin.docs.text.Md;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One guest as a Markdown table row model (every value already escaped) and as CSV fields. */
final class GuestRows {
    static final List<String> CSV_HEADER = List.of("vmid", "name", "kind", "node", "status", "vcpus", "memory_mib",
            "disks", "addresses", "tags", "pool", "ha", "onboot", "startup", "template", "terraform");

    private GuestRows() {
    }

    /** @param fromDocs the path from the Markdown file to the project root ({@code ../}) */
    static Map<String, Object> markdown(GuestFacts g, String fromDocs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vmid", g.vmid());
        m.put("name", Md.cell(g.label()));
        m.put("kind", g.kindText());
        m.put("node", Md.cell(g.node()));
        m.put("status", g.guest().status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("vcpus", g.vcpus());
        m.put("memory", Units.mib(g.memoryMiB()));
        m.put("disks", Md.list(g.disks()));
        m.put("addresses", Md.list(g.addresses()));
        m.put("tags", Md.list(g.guest().tags()));
        m.put("pool", g.guest().pool().isBlank() ? "-" : Md.cell(g.guest().pool()));
        m.put("ha", g.ha().isBlank() ? "-" : Md.cell(g.ha()));
        m.put("onboot", g.startsAtBoot() ? "yes" : "no");
        m.put("start", g.startsAtBoot() ? Md.cell(g.startOrder().text()) : "-");
        m.put("links", links(g, fromDocs));
        return m;
    }

    private static String links(GuestFacts g, String fromDocs) {
        String tf = g.terraform().isEmpty() ? "" : "[tf](" + fromDocs + g.terraform() + ")";
        String ansible = "[ansible](" + fromDocs + "ansible/inventory.yml)";
        return tf.isEmpty() ? ansible : tf + " " + ansible;
    }

    static List<String> csv(GuestFacts g) {
        return List.of(String.valueOf(g.vmid()), g.label(), g.vm() ? "vm" : "ct", g.node(),
                g.guest().status().name().toLowerCase(java.util.Locale.ROOT), String.valueOf(g.vcpus()),
                String.valueOf(g.memoryMiB()), String.join(" ", g.disks().stream().map(d -> d.replace(' ', ':')).toList()),
                String.join(" ", g.addresses()), String.join(";", g.guest().tags()), g.guest().pool(), g.ha(),
                g.startsAtBoot() ? "1" : "0", g.guest().value("startup"), g.guest().template() ? "1" : "0", g.terraform());
    }
}
