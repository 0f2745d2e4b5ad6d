package dev.proxmoxmpc.plugin.monitoring.health;

import dev.proxmoxmpc.spi.provider.ApiData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Guests never backed up, or whose newest backup is older than the limit (from backup volumes and vzdump tasks: PVE
 * has no backup-age metric), and guests in no backup job when the server can tell. Findings are warnings: a guest
 * without backup is a risk, not an outage.
 */
final class BackupCheck {
    private final HealthLimits limits;

    BackupCheck(HealthLimits limits) {
        this.limits = limits;
    }

    Check run(HealthInputs in) {
        Map<Integer, String> guests = new TreeMap<>();
        for (Map<String, Object> r : in.resources()) {
            String type = ApiData.string(r, "type");
            if ((type.equals("qemu") || type.equals("lxc")) && ApiData.number(r, "template", 0) == 0) {
                String name = ApiData.string(r, "name");
                guests.put((int) ApiData.number(r, "vmid", 0), name.isEmpty() ? type + "/" + ApiData.string(r, "vmid") : name);
            }
        }
        List<String> never = new ArrayList<>();
        List<String> old = new ArrayList<>();
        long limit = limits.backupMaxAge().toSeconds();
        guests.forEach((vmid, name) -> {
            Long at = in.lastBackup().get(vmid);
            if (at == null || at <= 0) {
                never.add(vmid + " " + name);
            } else if (in.now() - at > limit) {
                old.add(vmid + " " + name + " (" + ((in.now() - at) / 3600) + " h ago)");
            }
        });
        List<String> details = new ArrayList<>();
        if (!never.isEmpty()) {
            details.add("never backed up: " + String.join(", ", never));
        }
        if (!old.isEmpty()) {
            details.add("last backup older than " + limits.backupMaxAge().toHours() + " h: " + String.join(", ", old));
        }
        in.notBackedUp().ifPresent(ids -> {
            List<String> uncovered = ids.stream().filter(guests::containsKey).map(id -> id + " " + guests.get(id)).toList();
            if (!uncovered.isEmpty()) {
                details.add("in no backup job: " + String.join(", ", uncovered));
            }
        });
        details.addAll(in.backupGaps());
        List<String> notes = new ArrayList<>(details);
        if (!in.notBackedUpNote().isEmpty()) {
            notes.add("skipped: " + in.notBackedUpNote());
        }
        if (details.isEmpty()) {
            return new Check("backups", Status.OK, guests.size() + " guests backed up within " + limits.backupMaxAge().toHours()
                    + " h", notes);
        }
        int problems = never.size() + old.size();
        String summary = problems == 0 ? "backups need attention" : problems + " of " + guests.size()
                + " guests without a recent backup";
        return new Check("backups", Status.WARNING, summary, notes);
    }
}
