package dev.proxmoxmpc.plugin.sync.render;

import dev.proxmoxmpc.plugin.sync.compare.FieldChange;
import dev.proxmoxmpc.spi.console.Console;
import dev.proxmoxmpc.spi.console.Style;

/** One coloured field line: {@code ~ memory: 4096 -> 8192}, {@code + tags = web}, {@code - ide2 = none}. */
public final class DiffText {
    private DiffText() {}

    public static String line(Console out, FieldChange f) {
        if (f.before().isEmpty()) {
            return out.style(Style.GREEN, "+ " + f.field() + " = " + f.after());
        }
        if (f.after().isEmpty()) {
            return out.style(Style.RED, "- " + f.field() + " = " + f.before());
        }
        return out.style(Style.YELLOW, "~ ") + f.field() + ": " + out.style(Style.RED, f.before()) + " -> "
                + out.style(Style.GREEN, f.after());
    }
}
