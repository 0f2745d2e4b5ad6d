package dev.proxmoxmpc.plugin.testing.run;

import java.util.Locale;

/** When tests run: {@code plan} over the desired state before anything is applied, {@code live} against the server. */
public enum Phase {
    PLAN, LIVE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
