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
            case CREATED -> "created on the server";
            case DELETED -> "deleted on the server";
            case CHANGED -> d.changes().stream().map(FieldChange::describe).collect(Collectors.joining(", "));
        };
        String who = d.attribution().map(a -> ", changed " + Ago.since(a.time(), now) + " by " + a.who() + " (" + a.type() + ")")
                .orElse(", by an unknown user (no matching task)");
        return d.resource() + ": " + what + who;
    }
}
