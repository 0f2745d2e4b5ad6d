package dev.proxmoxmpc.plugin.sync.drift;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.compare.Fields;
import dev.proxmoxmpc.spi.provider.TaskRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Joins drift with the cluster task log: the newest task on the same VMID since the last sync whose type fits the
 * change (config, power, migration, resize, create, delete) names who did it and when.
 */
public final class TaskAttributor {
    private static final Set<String> POWER = Set.of("qmstart", "qmstop", "qmshutdown", "qmreboot", "qmsuspend",
            "qmresume", "vzstart", "vzstop", "vzshutdown", "vzreboot", "vzsuspend", "vzresume");
    private static final Set<String> MIGRATE = Set.of("qmigrate", "vzmigrate");
    private static final Set<String> RESIZE = Set.of("qmresize", "vzresize", "resize");
    private static final Set<String> CONFIG = Set.of("qmconfig", "vzconfig", "qmset", "vzset");
    private static final Set<String> CREATE = Set.of("qmcreate", "vzcreate", "qmclone", "vzclone", "qmrestore", "vzrestore");
    private static final Set<String> DELETE = Set.of("qmdestroy", "vzdestroy");

    private final List<TaskRecord> tasks;
    private final Instant since;

    /**
     * @param tasks the recent cluster tasks
     * @param since only tasks started at or after this count (the last sync), {@link Instant#MIN} for all; the
     *     server stamps tasks in whole seconds, so a task in the same second as the last sync counts
     */
    public TaskAttributor(List<TaskRecord> tasks, Instant since) {
        this.tasks = tasks.stream().sorted(Comparator.comparing(TaskRecord::start).reversed()).toList();
        this.since = since.equals(Instant.MIN) ? since : since.truncatedTo(ChronoUnit.SECONDS);
    }

    /** @return each drift with its attribution filled in when a fitting task is found. */
    public List<Drift> attribute(List<Drift> drifts) {
        return drifts.stream().map(d -> d.vmid() == 0 ? d : d.withAttribution(find(d))).toList();
    }

    Optional<Attribution> find(Drift d) {
        Set<String> wanted = switch (d.kind()) {
            case CREATED -> CREATE;
            case DELETED -> DELETE;
            case CHANGED -> null;
        };
        String id = Integer.toString(d.vmid());
        Optional<TaskRecord> best = tasks.stream()
                .filter(t -> t.id().equals(id) && !t.start().isBefore(since))
                .filter(t -> wanted == null ? fits(t.type(), d.changes()) : wanted.contains(t.type()))
                .findFirst();
        if (best.isEmpty() && d.kind() == Drift.Kind.CHANGED) {
            best = tasks.stream().filter(t -> t.id().equals(id) && !t.start().isBefore(since)).findFirst();
        }
        return best.map(t -> new Attribution(t.who(), t.type(), t.start()));
    }

    private static boolean fits(String type, List<FieldChange> changes) {
        for (FieldChange c : changes) {
            boolean fit = switch (c.field()) {
                case Fields.STATUS -> POWER.contains(type);
                case Fields.NODE -> MIGRATE.contains(type);
                default -> CONFIG.contains(type) || RESIZE.contains(type);
            };
            if (fit) {
                return true;
            }
        }
        return false;
    }
}
