package dev.proxmoxmpc.spi.command;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters with range checks for declared options ({@code @Option(names = "--limit", converter =
 * Ranges.Positive.class) Integer limit}): a bad value is one usage line naming the option ({@code --limit must be a
 * whole number of at least 1, got '-5'}), exit 2.
 */
public final class Ranges {
    private Ranges() {}

    /** @return {@code text} as an int in {@code [min, max]}, or a conversion error saying so. */
    public static int wholeNumber(String text, int min, int max) {
        long v;
        try {
            v = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a whole number, got '" + text + "'");
        }
        if (v < min || v > max) {
            String range = max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
            throw new TypeConversionException("must be a whole number " + range + ", got '" + text + "'");
        }
        return (int) v;
    }

    /** A whole number of at least 1 (a count, a limit). */
    public static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, 1, Integer.MAX_VALUE);
        }
    }

    /** A whole number of at least 0. */
    public static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, 0, Integer.MAX_VALUE);
        }
    }

    /** A TCP port, 1 to 65535. */
    public static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeNumber(value, 1, 65535);
        }
    }
}
