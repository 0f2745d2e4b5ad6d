package dev.proxmoxmpc.plugin.monitoring.settings;

import dev.proxmoxmpc.spi.command.UsageException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Time spans as people write them: {@code 30m}, {@code 24h}, {@code 7d}, {@code 2w}. */
public final class Spans {
    private static final Pattern SPAN = Pattern.compile("(\\d{1,6})([smhdw])");

    private Spans() {
    }

    /**
     * @param flag the option it came from, for the message
     * @throws UsageException when {@code text} is not a span
     */
    public static Duration parse(String flag, String text) {
        Matcher m = SPAN.matcher(text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException(flag + " must be a span like 30m, 24h, 7d or 2w, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
