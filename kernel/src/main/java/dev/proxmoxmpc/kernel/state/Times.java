package dev.proxmoxmpc.kernel.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as stored: UTC ISO-8601 with nine fraction digits, so text order is time order. */
final class Times {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {}

    static String format(Instant t) {
        return FORMAT.format(t);
    }
}
