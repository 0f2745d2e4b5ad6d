package dev.proxmoxmpc.plugin.docs.command;

import java.util.List;

/**
 * What {@code /docs} did, for the table and for {@code --json}. Paths are project-relative, under docs/ and scripts/.
 *
 * @param written   files created or changed
 * @param unchanged files already up to date (not rewritten)
 * @param removed   files generated before and not any more
 * @param warnings  the generators' warnings and errors (one line each)
 * @param opened    the file opened in a viewer, or {@code ""}
 */
public record DocsResult(List<String> written, List<String> unchanged, List<String> removed, List<String> warnings,
                         String opened) {
    public DocsResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }
}
