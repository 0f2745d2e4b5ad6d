package dev.proxmoxmpc.plugin.simulator.network;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of {@code diff -u OLD NEW} (GNU format: {@code ---}/{@code +++} lines with modification times, hunks
 * with three lines of context), which PVE returns as the {@code changes} of a network listing.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z")
            .withZone(ZoneOffset.UTC);

    /** One line of the edit script: {@code ' '} kept, {@code '-'} removed, {@code '+'} added. */
    private record Edit(char op, String line, int oldNo, int newNo) {
    }

    private UnifiedDiff() {
    }

    /** @return the diff, or {@code null} when the texts have the same lines (diff prints nothing). */
    static String diff(String oldName, long oldTime, String oldText, String newName, long newTime, String newText) {
        List<Edit> edits = edits(lines(oldText), lines(newText));
        if (edits.stream().allMatch(e -> e.op() == ' ')) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\t').append(TIME.format(Instant.ofEpochMilli(oldTime))).append('\n');
        out.append("+++ ").append(newName).append('\t').append(TIME.format(Instant.ofEpochMilli(newTime))).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size() && (edits.get(end).op() != ' ' || end - lastChange <= 2 * CONTEXT)) {
                if (edits.get(end).op() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> h) {
        int oldCount = (int) h.stream().filter(e -> e.op() != '+').count();
        int newCount = (int) h.stream().filter(e -> e.op() != '-').count();
        int oldStart = h.stream().filter(e -> e.op() != '+').mapToInt(Edit::oldNo).findFirst().orElse(h.get(0).oldNo());
        int newStart = h.stream().filter(e -> e.op() != '-').mapToInt(Edit::newNo).findFirst().orElse(h.get(0).newNo());
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
        h.forEach(e -> out.append(e.op()).append(e.line()).append('\n'));
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** @return the shortest edit script by longest common subsequence; line numbers are 1-based. */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add(new Edit(' ', a.get(i), ++i, ++j));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Edit('-', a.get(i), ++i, j));
            } else {
                out.add(new Edit('+', b.get(j), i, ++j));
            }
        }
        return out;
    }
}
