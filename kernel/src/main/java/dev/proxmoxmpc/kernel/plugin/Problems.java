package dev.proxmoxmpc.kernel.plugin;

/** One-line descriptions of throwables for users. */
public final class Problems {
    private Problems() {}

    /**
     * @return the throwable's message on one line, with the root cause when it adds something, e.g.
     *     {@code InvocationTargetException (IllegalStateException: no config)}
     */
    public static String message(Throwable t) {
        String top = describe(t);
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == t) {
            return top;
        }
        String cause = describe(root);
        String rootMessage = oneLine(root.getMessage());
        return !rootMessage.isEmpty() && top.contains(rootMessage) ? top : top + " (" + cause + ")";
    }

    private static String describe(Throwable t) {
        String msg = oneLine(t.getMessage());
        String type = t.getClass().getSimpleName();
        return msg.isEmpty() ? type : type + ": " + msg;
    }

    private static String oneLine(String message) {
        String msg = message == null ? "" : message.strip();
        int nl = msg.indexOf('\n');
        return nl >= 0 ? msg.substring(0, nl) : msg;
    }
}
