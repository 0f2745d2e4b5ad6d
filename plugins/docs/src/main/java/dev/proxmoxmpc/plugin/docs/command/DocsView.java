package dev.proxmoxmpc.plugin.docs.command;

import dev.proxmoxmpc.spi.console.Console;

/** The people's view of a {@link DocsResult}. */
final class DocsView {
    private DocsView() {
    }

    static void render(Console console, DocsResult r, boolean emptyState) {
        if (emptyState) {
            console.warn("the desired state holds no guest yet: run /sync to read the cluster first");
        }
        r.written().forEach(p -> console.println("  wrote   " + p));
        r.removed().forEach(p -> console.println("  removed " + p));
        r.warnings().forEach(console::warn);
        String summary = r.written().size() + " written, " + r.unchanged().size() + " unchanged, " + r.removed().size()
                + " removed under docs/ and scripts/";
        if (r.written().isEmpty() && r.removed().isEmpty()) {
            console.success("docs up to date (" + summary + ")");
        } else {
            console.success("docs regenerated: " + summary);
        }
        if (!r.opened().isEmpty()) {
            console.info("opened " + r.opened());
        }
    }
}
