package dev.proxmoxmpc.spi.model;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** Converts PVE size strings ({@code 512M}, {@code 32G}, {@code 1T}, bare numbers in bytes... ) to units. */
@API(status = EXPERIMENTAL, since = "1.0")
public final class Sizes {
    private Sizes() {}

    /**
     * @param size a PVE size ({@code 32G}, {@code 512M}, {@code 1T}, {@code 4096K}); a bare number is GiB
     * @return the size in GiB rounded up, 0 for {@code ""}
     * @throws IllegalArgumentException when the text is not a size
     */
    public static long toGiB(String size) {
        long mib = toMiB(size);
        return (mib + 1023) / 1024;
    }

    /** @return the size in MiB rounded up, 0 for {@code ""}; a bare number is GiB. */
    public static long toMiB(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return 0;
        }
        char unit = s.charAt(s.length() - 1);
        String num = Character.isDigit(unit) ? s : s.substring(0, s.length() - 1);
        double n;
        try {
            n = Double.parseDouble(num);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + size + "' (use e.g. 32G or 512M)");
        }
        double mib = switch (unit) {
            case 'K' -> n / 1024;
            case 'M' -> n;
            case 'T' -> n * 1024 * 1024;
            default -> n * 1024; // G or bare number
        };
        return (long) Math.ceil(mib);
    }
}
