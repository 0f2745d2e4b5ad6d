package dev.proxmoxmpc.plugin.resources.check;

import java.nio.charset.StandardCharsets;

/**
 * URL-encoding as the Proxmox VE web interface does for {@code sshkeys} (JavaScript's {@code encodeURIComponent}):
 * letters, digits and {@code -_.!~*'()} stay, every other byte becomes {@code %XX} (upper-case hex), so a space is
 * {@code %20}, never {@code +}.
 */
public final class UrlEncoding {
    private static final String UNRESERVED = "-_.!~*'()";

    private UrlEncoding() {}

    public static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || UNRESERVED.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
