package dev.proxmoxmpc.kernel.config;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 certificate fingerprints as config.yml keeps them: {@code AB:CD:...}, 32 upper-case hex bytes. */
public final class Fingerprints {
    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");

    private Fingerprints() {}

    /** @return the canonical form of {@code raw} (any case, with or without colons); {@code ""} stays {@code ""} */
    public static String normalize(String raw) {
        String hex = raw.trim().replace(":", "").toUpperCase(Locale.ROOT);
        if (hex.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, Math.min(i + 2, hex.length()));
        }
        String fp = sb.toString();
        if (!FINGERPRINT.matcher(fp).matches()) {
            throw new UsageException("a fingerprint is a SHA-256 digest (32 hex bytes, AB:CD:...), got '" + raw + "'");
        }
        return fp;
    }
}
