package dev.proxmoxmpc.kernel.state;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's identity for lock rows, and whether another process on this host still runs. */
public final class LocalProcess {
    private static volatile String host;

    private LocalProcess() {}

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** @return the host name ({@code HOSTNAME}, {@code /etc/hostname}, or the resolver's name) */
    public static String host() {
        String h = host;
        if (h == null) {
            h = System.getenv("HOSTNAME");
            if (h == null || h.isBlank()) {
                try {
                    h = Files.readString(Path.of("/etc/hostname")).trim();
                } catch (IOException | RuntimeException e) {
                    h = "";
                }
            }
            if (h.isBlank()) {
                try {
                    h = InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    h = "localhost";
                }
            }
            host = h;
        }
        return h;
    }

    /**
     * @return {@code proxmox-mpc 4242@host1}: the PostgreSQL application name of the connections of process {@code pid}
     *     on {@code host} (cut to the server's 63 characters)
     */
    public static String connectionName(long pid, String host) {
        String name = "proxmox-mpc " + pid + "@" + host;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** @return whether a process with this id runs on this host */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
