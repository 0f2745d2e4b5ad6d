package dev.proxmoxmpc.plugin.sync.environment;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Moves IPv4 addresses from one subnet to another, keeping the host part ({@code 10.0.0.5/24} to {@code 10.20.0.5/24}). */
final class Subnets {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");

    private Subnets() {}

    /** @return {@code address} (with or without {@code /prefix}) moved by the first subnet pair containing it, else unchanged. */
    static String move(String address, Map<String, String> subnets) {
        Optional<long[]> a = parse(address);
        if (a.isEmpty()) {
            return address;
        }
        for (Map.Entry<String, String> e : subnets.entrySet()) {
            Optional<long[]> from = parse(e.getKey());
            Optional<long[]> to = parse(e.getValue());
            if (from.isEmpty() || to.isEmpty()) {
                continue;
            }
            long mask = mask((int) from.get()[1]);
            if ((a.get()[0] & mask) == (from.get()[0] & mask)) {
                long moved = (to.get()[0] & mask) | (a.get()[0] & ~mask & 0xFFFFFFFFL);
                int slash = address.indexOf('/');
                return text(moved) + (slash < 0 ? "" : address.substring(slash));
            }
        }
        return address;
    }

    /** @return whether {@code cidr} is an IPv4 network like {@code 10.0.0.0/24} */
    static boolean valid(String cidr) {
        return cidr.contains("/") && parse(cidr).isPresent();
    }

    private static Optional<long[]> parse(String text) {
        Matcher m = CIDR.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            int part = Integer.parseInt(m.group(i));
            if (part > 255) {
                return Optional.empty();
            }
            v = (v << 8) | part;
        }
        int prefix = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
        return prefix > 32 ? Optional.empty() : Optional.of(new long[] {v, prefix});
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String text(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
