package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Storage replication jobs ({@code replication}) as {@code proxmox_replication} (plugin framework; its long name
 * {@code proxmox_virtual_environment_replication} is deprecated and read back too), import id the job id
 * ({@code 101-0}). {@code type} is always {@code local} (the provider requires it).
 */
final class ReplicationMapping implements ObjectMapping {
    static final String TYPE = "proxmox_replication";
    static final String LONG = "proxmox_virtual_environment_replication";
    private static final FlatAttributes ATTRIBUTES = FlatAttributes.builder()
            .string("target", "target")
            .string("schedule", "schedule")
            .number("rate", "rate")
            .bool("disable", "disable")
            .string("comment", "comment")
            .build();

    @Override
    public Set<String> kinds() {
        return Set.of("replication");
    }

    @Override
    public String file() {
        return "replication.tf";
    }

    @Override
    public String title() {
        return "Storage replication jobs (Datacenter > Replication).";
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE, LONG);
    }

    @Override
    public List<Mapped> toHcl(List<ClusterObject> objects, Inventory desired, Names names) {
        List<Mapped> out = new ArrayList<>();
        for (ClusterObject job : objects) {
            HclBlock r = new HclBlock("resource", TYPE, names.of("job_" + job.id(), "job"));
            r.attr("id", job.id());
            r.attr("type", "local");
            ATTRIBUTES.write(r, job.config());
            List<String> notes = new ArrayList<>();
            Set<String> unmapped = ATTRIBUTES.unmapped(job.config());
            if (!unmapped.isEmpty()) {
                notes.add("replication job " + job.id() + ": " + String.join(", ", unmapped)
                        + " not in the provider's schema; kept in proxmox-mpc's state");
            }
            out.add(new Mapped(r, job.id(), notes));
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> known(String type) {
        Set<String> names = new LinkedHashSet<>(ATTRIBUTES.names());
        names.add("id");
        names.add("type");
        return Map.of("", names);
    }

    @Override
    public Optional<ClusterObject> read(String type, HclBlock r, Inventory base, List<String> problems) {
        if (!(r.get("id") instanceof String id) || !id.matches("\\d+-\\d+")) {
            problems.add("id must be a known job id like 101-0; the job is not imported");
            return Optional.empty();
        }
        Map<String, String> had = base.object("replication", "", id).map(ClusterObject::config).orElse(Map.of());
        return Optional.of(new ClusterObject("replication", "", id, ATTRIBUTES.read(r, had, problems)));
    }
}
