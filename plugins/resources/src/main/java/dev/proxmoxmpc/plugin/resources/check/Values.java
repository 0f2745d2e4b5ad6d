package dev.proxmoxmpc.plugin.resources.check;

import dev.proxmoxmpc.spi.command.UsageException;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks and normalises command-line values the way Proxmox VE would (formats from the API schema: {@code dns-name},
 * {@code pve-tag-list}, {@code pve-vmid}, memory minimum 16 MiB, ...). Every refusal is one {@link UsageException}
 * line naming the option, the value and what is allowed.
 */
public final class Values {
    /** PVE's {@code dns-name} format: labels of letters, digits and inner hyphens, joined with dots. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(i?B)?", Pattern.CASE_INSENSITIVE);
    /** Minimum memory of a guest (schema: {@code memory} minimum 16). */
    public static final int MIN_MEMORY_MIB = 16;
    public static final int MIN_VMID = 100;
    public static final int MAX_VMID = 999_999_999;

    private Values() {}

    /** @return the name, if it is a valid {@code dns-name} (VM name, container hostname). */
    public static String dnsName(String option, String value) {
        if (value.length() > 255 || !DNS_NAME.matcher(value).matches()) {
            throw new UsageException(option + " '" + value + "' is not a valid DNS name: use letters, digits, '-' and '.'"
                    + " (no leading or trailing '-', no '/', no spaces)");
        }
        return value;
    }

    /** @return a memory size in MiB: {@code 8192}, {@code 8G}, {@code 512M}, {@code 8GiB}; at least 16 MiB. */
    public static int memoryMiB(String option, String value) {
        long mib = mib(option, value);
        if (mib < MIN_MEMORY_MIB) {
            throw new UsageException(option + " must be at least " + MIN_MEMORY_MIB + " MiB, got " + value);
        }
        if (mib > Integer.MAX_VALUE) {
            throw new UsageException(option + " " + value + " is too large");
        }
        return (int) mib;
    }

    /** @return a size in MiB ({@code 512} and {@code 512M} are MiB, {@code 8G} is 8192); 0 allowed. */
    public static long mib(String option, String value) {
        var m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new UsageException(option + " must be a size in MiB (8192) or with a unit (8G, 512M), got '" + value + "'");
        }
        long n = number(option, value, m.group(1));
        try {
            return switch (m.group(2).toUpperCase(Locale.ROOT)) {
                case "K" -> (n + 1023) / 1024;
                case "G" -> Math.multiplyExact(n, 1024L);
                case "T" -> Math.multiplyExact(n, 1024L * 1024);
                default -> n;
            };
        } catch (ArithmeticException e) {
            throw new UsageException(option + " " + value + " is too large");
        }
    }

    /** @return a disk size in whole GiB ({@code 32G}, {@code 32}, {@code 1T}); at least 1. */
    public static long diskGiB(String option, String value) {
        var m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            throw new UsageException(option + " size must be whole GiB like 32G (or 1T), got '" + value + "'");
        }
        long n = number(option, value, m.group(1));
        long gib = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "T" -> n > Long.MAX_VALUE / 1024 ? Long.MAX_VALUE : n * 1024;
            case "", "G" -> n;
            default -> throw new UsageException(option + " size must be whole GiB like 32G (or 1T), got '" + value + "'");
        };
        if (gib < 1) {
            throw new UsageException(option + " size must be at least 1G, got '" + value + "'");
        }
        return gib;
    }

    /** @return the digits of a size, or a usage error when they do not fit in a long. */
    private static long number(String option, String value, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " " + value + " is too large");
        }
    }

    /** @return a whole number within bounds. */
    public static int intIn(String option, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, got '" + value + "'");
        }
        if (n < min || n > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    /** @return a VMID in PVE's range 100..999999999. */
    public static int vmid(String option, String value) {
        return intIn(option, value, MIN_VMID, MAX_VMID);
    }

    /** @return tags as PVE stores them: lower case, de-duplicated, sorted, joined with {@code ;}. */
    public static String tags(String option, String value) {
        TreeSet<String> out = new TreeSet<>();
        for (String t : value.trim().split("[;, ]+")) {
            if (t.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(t).matches()) {
                throw new UsageException(option + ": tag '" + t + "' is not allowed: a tag starts with a letter, digit or '_'"
                        + " and holds only letters, digits and _ - + .");
            }
            out.add(t.toLowerCase(Locale.ROOT));
        }
        return String.join(";", out);
    }

    /** @return a boolean as PVE's 0/1. */
    public static String bool(String option, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "on", "yes", "true" -> "1";
            case "0", "off", "no", "false" -> "0";
            default -> throw new UsageException(option + " must be 1 or 0, got '" + value + "'");
        };
    }

    /** @return an environment variable name. */
    public static String envName(String option, String value) {
        if (!ENV_VAR.matcher(value).matches()) {
            throw new UsageException(option + " must name an environment variable (letters, digits, '_'), got '" + value + "'");
        }
        return value;
    }

    public static boolean ipv4(String value) {
        return IPV4.matcher(value).matches();
    }

    public static boolean ipv6(String value) {
        return IPV6.matcher(value).matches() && value.length() >= 2;
    }

    /** @return an IPv4 address with a prefix length ({@code 10.0.0.5/24}). */
    public static String cidr4(String option, String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || !ipv4(value.substring(0, slash)) || !value.substring(slash + 1).matches("\\d{1,2}")
                || Integer.parseInt(value.substring(slash + 1)) > 32) {
            throw new UsageException(option + " '" + value + "' is not an IPv4 address with prefix length (like 10.0.0.5/24)");
        }
        return value;
    }

    /** @return an IPv6 address with a prefix length. */
    public static String cidr6(String option, String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || !ipv6(value.substring(0, slash)) || !value.substring(slash + 1).matches("\\d{1,3}")
                || Integer.parseInt(value.substring(slash + 1)) > 128) {
            throw new UsageException(option + " '" + value + "' is not an IPv6 address with prefix length (like fd00::5/64)");
        }
        return value;
    }

    /** @return an IPv4 address. */
    public static String ip4(String option, String value) {
        if (!ipv4(value)) {
            throw new UsageException(option + " '" + value + "' is not an IPv4 address");
        }
        return value;
    }

    /** @return a list of DNS server addresses, space separated as PVE stores it. */
    public static String addressList(String option, String value) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String a : value.trim().split("[;, ]+")) {
            if (!ipv4(a) && !ipv6(a)) {
                throw new UsageException(option + ": '" + a + "' is not an IP address");
            }
            out.add(a);
        }
        return String.join(" ", out);
    }

    /** @return text without control characters (descriptions are free text up to 8192 characters). */
    public static String text(String option, String value, int max) {
        if (value.length() > max) {
            throw new UsageException(option + " is longer than " + max + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new UsageException(option + " must not contain control characters");
        }
        return value;
    }
}
