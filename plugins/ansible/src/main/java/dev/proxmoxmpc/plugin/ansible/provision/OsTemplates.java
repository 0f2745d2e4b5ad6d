package dev.proxmoxmpc.plugin.ansible.provision;

import dev.proxmoxmpc.spi.model.Container;
import dev.proxmoxmpc.spi.model.Volume;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ostemplate} provision.yml gives a container (Ansible's module needs one even for a container that
 * exists; it only uses it to create one). PVE keeps no record of the template a container came from, so: the one in
 * state when known (a container created with {@code create container --ostemplate}), else the newest template
 * whose file name starts with the container's {@code ostype}, on its node first, else on any node.
 */
public final class OsTemplates {
    /**
     * @param volid   the template's volume id
     * @param comment why this one, for a YAML comment ({@code ""} when state names it)
     */
    public record Choice(String volid, String comment) {}

    private OsTemplates() {}

    /** @return the template for {@code ct}, or empty when neither state nor any node has one that fits */
    public static Optional<Choice> of(Container ct, Map<String, List<Volume>> byNode) {
        String known = ct.config().getOrDefault("ostemplate", "");
        if (!known.isEmpty()) {
            return Optional.of(new Choice(known, ""));
        }
        String ostype = ct.config().getOrDefault("ostype", "").toLowerCase(Locale.ROOT);
        if (ostype.isEmpty() || ostype.equals("unmanaged")) {
            return Optional.empty();
        }
        Optional<Volume> here = newest(byNode.getOrDefault(ct.node(), List.of()), ostype);
        if (here.isPresent()) {
            return here.map(v -> new Choice(v.volid(), "the newest " + ostype + " template on " + ct.node()
                    + " (PVE does not record a container's own)"));
        }
        for (Map.Entry<String, List<Volume>> e : byNode.entrySet()) {
            Optional<Volume> there = newest(e.getValue(), ostype);
            if (there.isPresent()) {
                return there.map(v -> new Choice(v.volid(), "the newest " + ostype + " template, on " + e.getKey()
                        + ": not on " + ct.node() + ", copy it there before creating (PVE does not record a container's own)"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Volume> newest(List<Volume> volumes, String ostype) {
        return volumes.stream().filter(v -> v.file().toLowerCase(Locale.ROOT).startsWith(ostype + "-")
                        || v.file().toLowerCase(Locale.ROOT).startsWith(ostype + "_"))
                .max(Comparator.comparing(Volume::created).thenComparing(Volume::volid));
    }
}
