package dev.proxmoxmpc.plugin.sync.environment;

import dev.proxmoxmpc.plugin.sync.merge.ThreeWayMerge;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.kernel.EnvironmentMapping;
import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.Inventory;
import dev.proxmoxmpc.spi.model.Volume;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PVE does not keep the template a container was made from, so a container to create gets one: the mapped
 * template ({@code environment map NAME --ostemplate debian=local:vztmpl/...}, by ostype, name or VMID), else the
 * newest container template on the cluster whose file name starts with its ostype's distribution. The plan says
 * which; none found is an error naming the fix. Pure.
 */
public final class ContainerTemplates {
    /** The create parameter (not kept in the config, so never a difference). */
    public static final String OSTEMPLATE = "ostemplate";

    private ContainerTemplates() {}

    /** The desired state with templates chosen, and what the plan should say about them. */
    public record Chosen(Inventory desired, List<Diagnostic> diagnostics) {}

    public static Chosen choose(Inventory desired, Set<Integer> creating, Map<String, List<Volume>> templates, EnvironmentMapping m,
                                String environment) {
        Inventory out = desired;
        List<Diagnostic> diags = new ArrayList<>();
        for (Guest g : desired.guests()) {
            if (!(g instanceof Container) || !creating.contains(g.vmid()) || g.template() || !g.value(OSTEMPLATE).isEmpty()) {
                continue;
            }
            String label = ThreeWayMerge.label(g);
            String ostype = g.value("ostype").isEmpty() ? "unmanaged" : g.value("ostype");
            Optional<String> mapped = mapped(g, ostype, m);
            Optional<String> chosen = mapped.or(() -> newest(ostype, templates.getOrDefault(g.node(), List.of())));
            if (chosen.isEmpty()) {
                diags.add(Diagnostic.error("no container template for ostype " + ostype + " on environment " + environment
                        + "; download one (pveam download) or map it: environment map " + environment + " --ostemplate "
                        + ostype + "=STORAGE:vztmpl/FILE", label));
                continue;
            }
            diags.add(Diagnostic.info("created from " + chosen.get() + (mapped.isPresent() ? " (mapped)"
                    : " (the newest " + ostype + " template on " + environment + ")"), label));
            out = out.withGuest(g.withConfigValue(OSTEMPLATE, chosen.get()));
        }
        return new Chosen(out, diags);
    }

    private static Optional<String> mapped(Guest g, String ostype, EnvironmentMapping m) {
        for (String key : List.of(Integer.toString(g.vmid()), g.name(), ostype)) {
            if (m.ostemplates().containsKey(key)) {
                return Optional.of(m.ostemplates().get(key));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> newest(String ostype, List<Volume> templates) {
        String distro = ostype.toLowerCase(Locale.ROOT);
        return templates.stream().filter(v -> v.content().equals("vztmpl"))
                .filter(v -> v.file().toLowerCase(Locale.ROOT).startsWith(distro))
                .max(Comparator.comparing(Volume::created).thenComparing(Volume::file))
                .map(Volume::volid);
    }
}
