package dev.proxmoxmpc.plugin.proxmox.task;

import java.time.Instant;
import java.util.Objects;

/**
 * A parsed task id: {@code UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>[!token]:}.
 *
 * @param raw     the UPID as the server wrote it
 * @param node    the node the task runs on
 * @param type    {@code qmcreate}, {@code vzstart}, ...
 * @param id      the object (usually the VMID) or {@code ""}
 * @param user    {@code root@pam}
 * @param tokenId the API token name, or {@code ""}
 * @param start   the start time
 */
public record Upid(String raw, String node, String type, String id, String user, String tokenId, Instant start) {

    public Upid {
        Objects.requireNonNull(raw, "raw");
    }

    /** @throws IllegalArgumentException when {@code text} is not a UPID */
    public static Upid parse(String text) {
        String[] p = text.split(":", -1);
        if (p.length < 9 || !p[0].equals("UPID")) {
            throw new IllegalArgumentException("not a task id (UPID): '" + text + "'");
        }
        String who = p[7];
        int bang = who.indexOf('!');
        String user = bang < 0 ? who : who.substring(0, bang);
        String token = bang < 0 ? "" : who.substring(bang + 1);
        Instant start;
        try {
            start = Instant.ofEpochSecond(Long.parseLong(p[4], 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a task id (UPID), bad start time: '" + text + "'", e);
        }
        return new Upid(text, p[1], p[5], p[6], user, token, start);
    }

    /** @return whether {@code text} looks like a UPID. */
    public static boolean looksLike(String text) {
        return text != null && text.startsWith("UPID:");
    }
}
