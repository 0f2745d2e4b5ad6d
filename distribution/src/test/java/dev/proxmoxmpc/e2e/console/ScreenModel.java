package dev.proxmoxmpc.e2e.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a VT100/xterm screen shows after the given output: enough of the terminal to see where text lands (cursor
 * addressing and movement, line feed and scrolling inside the scroll region (DECSTBM), save and restore cursor
 * (DECSC/DECRC), erase in line and display, deferred wrap). Colours and modes are ignored. A line feed on the bottom
 * margin scrolls the region; anywhere else it moves down, and on the screen's last row outside the region it does
 * nothing, as xterm does.
 */
final class ScreenModel {
    private static final Pattern CSI = Pattern.compile("\u001B\\[([?>]?)([0-9;]*)([A-Za-z@])");
    private final int rows;
    private final int cols;
    private final List<char[]> screen = new ArrayList<>();
    private int row;
    private int col;
    private int top;
    private int bottom;
    private int savedRow;
    private int savedCol;

    private ScreenModel(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        for (int i = 0; i < rows; i++) {
            screen.add(blank());
        }
        this.bottom = rows - 1;
    }

    /** @return the screen of {@code rows} x {@code cols} after {@code output} */
    static ScreenModel of(String output, int rows, int cols) {
        ScreenModel m = new ScreenModel(rows, cols);
        m.feed(output);
        return m;
    }

    /** @return row {@code r} (0 = top), trailing blanks removed */
    String line(int r) {
        return new String(screen.get(r)).stripTrailing();
    }

    /** @return every row, top first */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(line(r));
        }
        return out;
    }

    /** @return the last row (from the top) that contains {@code text}, or -1 */
    int lastRowWith(String text) {
        for (int r = rows - 1; r >= 0; r--) {
            if (line(r).contains(text)) {
                return r;
            }
        }
        return -1;
    }

    int cursorRow() {
        return row;
    }

    private char[] blank() {
        char[] line = new char[cols];
        Arrays.fill(line, ' ');
        return line;
    }

    private void feed(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\u001B') {
                i = escape(s, i);
                continue;
            }
            switch (c) {
                case '\r' -> col = 0;
                case '\n' -> lineFeed();
                case '\b' -> col = Math.max(0, col - 1);
                case '\u0007' -> { }
                default -> put(c);
            }
            i++;
        }
    }

    private void put(char c) {
        if (col >= cols) { // deferred wrap: the character after a full line starts the next one
            col = 0;
            lineFeed();
        }
        screen.get(row)[col++] = c;
    }

    private void lineFeed() {
        if (row == bottom) {
            screen.remove(top);
            screen.add(bottom, blank());
        } else if (row < rows - 1) {
            row++;
        }
    }

    private int escape(String s, int at) {
        Matcher m = CSI.matcher(s).region(at, s.length());
        if (m.lookingAt()) {
            if (m.group(1).isEmpty()) {
                csi(m.group(2), m.group(3).charAt(0));
            }
            return m.end();
        }
        if (at + 1 < s.length()) {
            char next = s.charAt(at + 1);
            if (next == '7') {
                savedRow = row;
                savedCol = col;
            } else if (next == '8') {
                row = savedRow;
                col = savedCol;
            } else if (next == ']') { // OSC ... BEL
                int end = s.indexOf('\u0007', at);
                return end < 0 ? s.length() : end + 1;
            }
            return at + 2;
        }
        return at + 1;
    }

    private void csi(String params, char f) {
        int[] a = params.isEmpty() ? new int[0]
                : Arrays.stream(params.split(";", -1)).mapToInt(p -> p.isEmpty() ? 0 : Integer.parseInt(p)).toArray();
        int n = a.length > 0 && a[0] > 0 ? a[0] : 1;
        switch (f) {
            case 'H', 'f' -> {
                row = Math.min(rows - 1, (a.length > 0 && a[0] > 0 ? a[0] : 1) - 1);
                col = Math.min(cols - 1, (a.length > 1 && a[1] > 0 ? a[1] : 1) - 1);
            }
            case 'A' -> row = Math.max(row >= top ? top : 0, row - n);
            case 'B' -> row = Math.min(row <= bottom ? bottom : rows - 1, row + n);
            case 'C' -> col = Math.min(cols - 1, col + n);
            case 'D' -> col = Math.max(0, col - n);
            case 'G' -> col = Math.min(cols - 1, n - 1);
            case 'K' -> eraseLine(a.length > 0 ? a[0] : 0);
            case 'J' -> eraseDisplay(a.length > 0 ? a[0] : 0);
            case 'r' -> {
                top = (a.length > 0 && a[0] > 0 ? a[0] : 1) - 1;
                bottom = (a.length > 1 && a[1] > 0 ? Math.min(a[1], rows) : rows) - 1;
                row = 0;
                col = 0;
            }
            default -> { } // colours, modes
        }
    }

    private void eraseLine(int mode) {
        char[] line = screen.get(row);
        int from = mode == 0 ? Math.min(col, cols) : 0;
        int to = mode == 1 ? Math.min(col + 1, cols) : cols;
        Arrays.fill(line, from, to, ' ');
    }

    private void eraseDisplay(int mode) {
        if (mode == 2 || mode == 3) {
            for (int r = 0; r < rows; r++) {
                screen.set(r, blank());
            }
            return;
        }
        eraseLine(0);
        for (int r = row + 1; r < rows; r++) {
            screen.set(r, blank());
        }
    }
}
