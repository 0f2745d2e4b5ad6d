package dev.proxmoxmpc.plugin.sync.drift;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.plugin.sync.render.Ago;
import java.time.Instant;
import java.util.stream.Collectors;

/** One line per drift: {@code vm/101 web-01: memory 4096 -> 8192, changed 12 minutes ago by alice@pam (qmconfig)}. */
public final class DriftText {
    private DriftText() {}

    public static String line(Drift d, Instant now) {
        String what = switch (d.kind()) {
            case CREATED -> "new on the server";
            case DELETED -> "gone from the server";
            case CHANGED -> d.changes().stream().map(FieldChange::describe).collect(Collectors.joining(", "));
        };
        String verb = switch (d.kind()) {
            case CREATED -> "created";
            case DELETED -> "deleted";
            case CHANGED -> "changed";
        };
        String who = d.attribution().map(a -> ", " + verb + " " + Ago.since(a.time(), now) + " by " + a.who() + " (" + a.type() + ")")
                .orElse(", by an unknown user (no matching task)");
        return d.resource() + ": " + what + who;
    }
}
