package dev.proxmoxmpc.kernel.secrets;

import java.util.Locale;

/** How secret names map to environment variables. */
public final class SecretNames {
    private SecretNames() {}

    /** @return {@code PROXMOX_MPC_<NAME>_SECRET}: upper case, every non-alphanumeric as {@code _} */
    public static String environmentVariable(String name) {
        return "PROXMOX_MPC_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
    }
}
