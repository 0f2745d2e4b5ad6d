package dev.proxmoxmpc.kernel.console;

import dev.proxmoxmpc.spi.console.Style;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Maps {@link Style} to ANSI with JLine, or to nothing when colour is off. */
final class Styles {
    private final boolean colour;

    Styles(boolean colour) {
        this.colour = colour;
    }

    boolean colour() {
        return colour;
    }

    String apply(Style style, String text) {
        if (!colour || text.isEmpty()) {
            return text;
        }
        return new AttributedString(text, of(style)).toAnsi();
    }

    private static AttributedStyle of(Style style) {
        AttributedStyle s = AttributedStyle.DEFAULT;
        return switch (style) {
            case BOLD -> s.bold();
            case DIM -> s.faint();
            case RED -> s.foreground(AttributedStyle.RED);
            case GREEN -> s.foreground(AttributedStyle.GREEN);
            case YELLOW -> s.foreground(AttributedStyle.YELLOW);
            case BLUE -> s.foreground(AttributedStyle.BLUE);
            case CYAN -> s.foreground(AttributedStyle.CYAN);
        };
    }
}
