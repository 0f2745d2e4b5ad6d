package dev.proxmoxmpc.plugin.mcp.tools;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last guard between a command's output and the assistant: every known secret value is replaced by
 * {@code ***} in every text and structured result, though commands never print one.
 */
public final class Redaction {
    private static final int SHORTEST = 6; // shorter values would blank out ordinary words
    private final Supplier<Collection<String>> secrets;

    /** @param secrets the secret values known now (asked on every use: a rotated token counts at once) */
    public Redaction(Supplier<Collection<String>> secrets) {
        this.secrets = secrets;
    }

    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets.get()) {
            if (secret != null && secret.length() >= SHORTEST) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    /** @return whether some known secret occurs in the text */
    public boolean leaks(String text) {
        return !apply(text).equals(text);
    }

    static Redaction none() {
        return new Redaction(List::of);
    }
}
