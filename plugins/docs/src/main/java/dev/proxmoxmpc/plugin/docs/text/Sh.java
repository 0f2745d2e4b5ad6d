package dev.proxmoxmpc.plugin.docs.text;

/** POSIX shell words from values. */
public final class Sh {
    private Sh() {
    }

    /** @return {@code s} as one shell word: bare when it is plainly safe, else single-quoted. */
    public static String quote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:@%+=-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
