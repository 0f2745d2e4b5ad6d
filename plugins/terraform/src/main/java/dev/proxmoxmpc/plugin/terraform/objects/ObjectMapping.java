package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one family of {@link ClusterObject} kinds to bpg/proxmox resources and back. Every mapping is listed in
 * {@link ObjectMappings#ALL}; the generator writes its blocks into {@link #file()} with an {@code import} block each,
 * and the importer reads blocks of its {@link #types()} back over the desired state.
 */
public interface ObjectMapping {
    /** @return the kinds it maps */
    Set<String> kinds();

    /** @return the file under {@code terraform/} it writes ({@code backup_jobs.tf}) */
    String file();

    /** @return the file's first comment line */
    String title();

    /** @return every resource type it reads back (the short name it writes, and any older name users may have) */
    Set<String> types();

    /**
     * @param objects the desired objects of its kinds, in the inventory's order
     * @param desired the whole desired state (for references, e.g. guests by VMID)
     * @param names   gives each resource a unique Terraform name within the file
     * @return one entry per resource, in the order to write them
     */
    List<Mapped> toHcl(List<ClusterObject> objects, Inventory desired, Names names);

    /** @return the attributes {@link #read} understands, by block path ({@code ""} = the resource) */
    Map<String, Set<String>> known(String type);

    /**
     * @param type     the resource type
     * @param r        the resource with evaluated values ({@link dev.proxmoxmpc.plugin.terraform.mapping.Unknown#VALUE}
     *                 where a value could not be evaluated: keep the base's value then)
     * @param base     the desired state the files are read over
     * @param problems add one line per problem (the block is then not imported when the result is empty)
     * @return the object the block describes, over its version in {@code base}
     */
    Optional<ClusterObject> read(String type, HclBlock r, Inventory base, List<String> problems);

    /**
     * A generated resource.
     *
     * @param block    the {@code resource} block
     * @param importId the provider's import id, or {@code null} when the resource does not exist yet
     * @param notes    what the file cannot say (kept in state), written as comments above the block
     */
    record Mapped(HclBlock block, String importId, List<String> notes) {
        public Mapped {
            notes = List.copyOf(notes);
        }

        public Mapped(HclBlock block, String importId) {
            this(block, importId, List.of());
        }
    }
}
