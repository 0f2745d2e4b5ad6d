package dev.proxmoxmpc.plugin.resources.view;

import dev.proxmoxmpc.spi.console.Console;

/** Renders a {@link GuestResult}: JSON under {@code --json}, else a success line, the changed fields and the next step. */
public final class GuestView {
    private GuestView() {}

    public static void render(Console out, GuestResult r, boolean json) {
        if (json) {
            out.json(r);
            return;
        }
        String label = r.kind() + " " + r.vmid() + (r.name().isEmpty() ? "" : " " + r.name());
        out.success(headline(r, label));
        r.changes().stream().filter(c -> !c.field().startsWith("mpc.") || r.action().equals("create") || r.action().equals("clone"))
                .forEach(c -> out.println("    " + c.describe()));
        r.warnings().forEach(out::warn);
        if (!r.action().equals("delete")) {
            r.notes().forEach(n -> out.info("  " + n));
        }
        if (!r.written().isEmpty()) {
            out.info("  files: " + String.join(", ", r.written()));
        }
        out.info("  next: /plan to review, /apply to make it so on the server");
    }

    private static String headline(GuestResult r, String label) {
        return switch (r.action()) {
            case "create" -> "Desired: new " + label + " on " + r.node();
            case "clone" -> "Desired: new " + label + " on " + r.node() + " (clone)";
            case "delete" -> "Desired: " + label + " removed";
            case "migrate" -> "Desired: " + label + " moves to " + r.node();
            default -> "Desired: " + label + " changed (" + r.changes().size() + (r.changes().size() == 1 ? " field)" : " fields)");
        };
    }
}
