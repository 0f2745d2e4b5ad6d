package dev.proxmoxmpc.plugin.sync.command;

import dev.proxmoxmpc.plugin.sync.merge.Conflict;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;
import dev.proxmoxmpc.spi.diag.Diagnostic;

/** The human report of /sync. */
final class SyncView {
    /** Information notes (settings a format cannot express, kept in state) shown one a line; the rest are counted. */
    static final int NOTES_SHOWN = 3;

    private SyncView() {}

    static void render(Console out, SyncResult r) {
        out.success("Found " + r.found().sentence());
        r.imported().forEach(p -> out.info("Imported hand edits: " + p));
        r.notImported().forEach(p -> out.warn("Edited file " + p + " has no importer; the generated version replaced it"));
        out.info("Generated: " + r.written() + " written, " + r.unchanged() + " unchanged"
                + (r.removed() > 0 ? ", " + r.removed() + " removed" : ""));
        if (r.drift().isEmpty()) {
            out.info("Drift: None");
        } else {
            out.warn("Drift: " + r.drift().size() + (r.drift().size() == 1 ? " resource" : " resources") + " changed on the server");
            r.drift().forEach(d -> out.println("  " + out.style(Style.YELLOW, "~") + " " + d));
        }
        if (r.conflicts().isEmpty()) {
            out.info("Conflicts: None");
        } else {
            out.warn("Conflicts: " + r.conflicts().size());
            for (Conflict c : r.conflicts()) {
                out.println("  " + out.style(Style.RED, "!") + " " + c.describe());
            }
        }
        int notes = 0;
        for (Diagnostic d : r.diagnostics()) {
            switch (d.severity()) {
                case ERROR -> out.error(d.toString());
                case WARNING -> out.warn(d.toString());
                case INFO -> {
                    if (++notes <= NOTES_SHOWN) {
                        out.info(d.toString());
                    }
                }
            }
        }
        if (notes > NOTES_SHOWN) {
            out.info("... and " + (notes - NOTES_SHOWN) + " more notes (/sync --json lists them all)");
        }
        out.info(r.pending() == 0 ? "Pending changes: none" : "Pending changes: " + r.pending() + " (see /plan)");
        out.info("Snapshot " + r.snapshot());
    }
}
