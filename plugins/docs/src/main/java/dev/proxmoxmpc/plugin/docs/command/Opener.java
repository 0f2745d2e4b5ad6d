package dev.proxmoxmpc.plugin.docs.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens a file in the desktop's viewer. */
@FunctionalInterface
interface Opener {
    /** @return whether a viewer was started */
    boolean open(Path file);

    /** {@code open} on macOS, {@code xdg-open} elsewhere; started, not waited for. */
    Opener DESKTOP = file -> {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        List<String> cmd = List.of(mac ? "open" : "xdg-open", file.toString());
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    };
}
