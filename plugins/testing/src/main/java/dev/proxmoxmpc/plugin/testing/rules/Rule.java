package dev.proxmoxmpc.plugin.testing.rules;

import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.Locale;
import java.util.Objects;

/** A bundled best-practice rule: its id, severity, why and fix declared once in the constructor. */
abstract class Rule implements Policy {
    private final String id;
    private final Severity severity;
    private final String why;
    private final String fix;

    Rule(String id, Severity severity, String why, String fix) {
        this.id = Objects.requireNonNull(id);
        this.severity = Objects.requireNonNull(severity);
        this.why = Objects.requireNonNull(why);
        this.fix = Objects.requireNonNull(fix);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String why() {
        return why;
    }

    @Override
    public final String fix() {
        return fix;
    }

    /** @return a finding of this rule's severity about one guest ({@code web-01: ...}, source {@code vm/100}). */
    final Diagnostic finding(Guest g, String text) {
        String label = g.name().isEmpty() ? source(g) : g.name();
        return new Diagnostic(severity, label + ": " + text, "", source(g));
    }

    /** @return a finding of this rule's severity about something else ({@code node/pve1}). */
    final Diagnostic finding(String source, String text) {
        return new Diagnostic(severity, text, "", source);
    }

    /** @return {@code vm/100} or {@code ct/200}. */
    static String source(Guest g) {
        return (g.kind() == GuestKind.VM ? "vm/" : "ct/") + g.vmid();
    }

    /** @return whether a guest belongs to production: tag {@code prod}/{@code production} or pool {@code production}. */
    static boolean production(Guest g, String environment) {
        String env = environment.toLowerCase(Locale.ROOT);
        if (env.equals("prod") || env.equals("production")) {
            return true;
        }
        return g.tags().stream().anyMatch(t -> t.equalsIgnoreCase("prod") || t.equalsIgnoreCase("production"))
                || g.pool().equalsIgnoreCase("production") || g.pool().equalsIgnoreCase("prod");
    }
}
