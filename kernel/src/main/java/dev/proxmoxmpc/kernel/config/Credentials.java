package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.regex.Pattern;

/** The shapes /init and {@code environment add} accept for credentials' names (never the secrets themselves). */
public final class Credentials {
    private static final Pattern TOKEN_ID = Pattern.compile("[^@\\s!]+@[^@\\s!]+![A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Credentials() {}

    /** Refuses a token id not shaped {@code user@realm!name} (one line, exit 2); {@code ""} passes. */
    public static void checkTokenId(String tokenId) {
        if (!tokenId.isEmpty() && !TOKEN_ID.matcher(tokenId).matches()) {
            throw new UsageException("a token id looks like user@realm!name (root@pam!mpc), got '" + tokenId + "'");
        }
    }

    /** @return {@code v}, the value of {@code flag}, refused unless it is an environment variable's name */
    public static String envVar(String v, String flag) {
        if (!v.isEmpty() && !ENV_VAR.matcher(v).matches()) {
            throw new UsageException(flag + " takes the NAME of an environment variable (not the secret itself), got an invalid name");
        }
        return v;
    }
}
