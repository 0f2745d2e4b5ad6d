package dev.proxmoxmpc.plugin.terraform.objects;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.spi.model.ClusterObject;
import dev.proxmoxmpc.spi.model.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backup jobs ({@code backup-job}) as {@code proxmox_backup_job} (bpg registers it under the short name only), import
 * id the job id. Keys the resource has no attribute for ({@code exclude}, {@code comment}, {@code fleecing},
 * {@code performance}, ...) stay in state and are named in a comment above the block.
 */
final class BackupJobMapping implements ObjectMapping {
    static final String TYPE = "proxmox_backup_job";
    private static final FlatAttributes ATTRIBUTES = FlatAttributes.builder()
            .string("schedule", "schedule")
            .string("storage", "storage")
            .bool("enabled", "enabled")
            .string("node", "node")
            .bool("all", "all")
            .list("vmid", "vmid", "[,;\\s]+", ",")
            .string("pool", "pool")
            .string("mode", "mode")
            .string("compress", "compress")
            .number("bwlimit", "bwlimit")
            .number("ionice", "ionice")
            .number("lockwait", "lockwait")
            .string("mailnotification", "mailnotification")
            .list("mailto", "mailto", "[,;\\s]+", ",")
            .number("maxfiles", "maxfiles")
            .string("notes-template", "notes_template")
            .string("pbs-change-detection-mode", "pbs_change_detection_mode")
            .number("pigz", "pigz")
            .bool("protected", "protected")
            .properties("prune-backups", "prune_backups")
            .bool("remove", "remove")
            .bool("repeat-missed", "repeat_missed")
            .string("script", "script")
            .string("starttime", "starttime")
            .bool("stdexcludes", "stdexcludes")
            .number("stopwait", "stopwait")
            .string("tmpdir", "tmpdir")
            .list("exclude-path", "exclude_path", "\\n", "\n")
            .number("zstd", "zstd")
            .build();

    @Override
    public Set<String> kinds() {
        return Set.of("backup-job");
    }

    @Override
    public String file() {
        return "backup_jobs.tf";
    }

    @Override
    public String title() {
        return "Scheduled backup jobs (Datacenter > Backup).";
    }

    @Override
    public Set<String> types() {
        return Set.of(TYPE);
    }

    @Override
    public List<Mapped> toHcl(List<ClusterObject> objects, Inventory desired, Names names) {
        List<Mapped> out = new ArrayList<>();
        for (ClusterObject job : objects) {
            HclBlock r = new HclBlock("resource", TYPE, names.of(job.id(), "job"));
            r.attr("id", job.id());
            ATTRIBUTES.write(r, job.config());
            List<String> notes = new ArrayList<>();
            Set<String> unmapped = ATTRIBUTES.unmapped(job.config());
            unmapped.remove("digest");
            if (!unmapped.isEmpty()) {
                notes.add("backup job " + job.id() + ": " + String.join(", ", unmapped)
                        + " not in the provider's schema; kept in proxmox-mpc's state");
            }
            out.add(new Mapped(r, job.id(), notes));
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> known(String type) {
        Set<String> names = new java.util.LinkedHashSet<>(ATTRIBUTES.names());
        names.add("id");
        return Map.of("", names);
    }

    @Override
    public Optional<ClusterObject> read(String type, HclBlock r, Inventory base, List<String> problems) {
        if (!(r.get("id") instanceof String id) || id.isEmpty()) {
            problems.add("id must be a known string; the job is not imported");
            return Optional.empty();
        }
        Map<String, String> had = base.object("backup-job", "", id).map(ClusterObject::config).orElse(Map.of());
        return Optional.of(new ClusterObject("backup-job", "", id, ATTRIBUTES.read(r, had, problems)));
    }
}
