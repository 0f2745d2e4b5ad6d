package dev.proxmoxmpc.kernel.config;

/** Builds one-line errors for values that parsed but make no sense, finding the key's line in the text. */
final class ConfigProblems {
    private final String shownName;
    private final String[] lines;

    ConfigProblems(String shownName, String text) {
        this.shownName = shownName;
        this.lines = text.split("\n", -1);
    }

    /** @return an error at the line of the dotted key path (or without a line when it is not in the file). */
    ConfigException at(String keyPath, String problem) {
        int line = lineOf(keyPath);
        String where = line > 0 ? shownName + " line " + line + ": " : shownName + ": ";
        return new ConfigException(where + "'" + keyPath + "' " + problem);
    }

    /** Finds each segment of the path in turn, each deeper than the one before. */
    private int lineOf(String keyPath) {
        int from = 0;
        int indent = -1;
        int found = 0;
        for (String segment : keyPath.split("\\.")) {
            found = 0;
            for (int i = from; i < lines.length; i++) {
                String l = lines[i];
                String trimmed = l.stripLeading();
                int ind = l.length() - trimmed.length();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (ind <= indent) {
                    break;
                }
                if (trimmed.startsWith(segment + ":") || trimmed.startsWith("\"" + segment + "\":")
                        || trimmed.startsWith("'" + segment + "':")) {
                    found = i + 1;
                    from = i + 1;
                    indent = ind;
                    break;
                }
            }
            if (found == 0) {
                return 0;
            }
        }
        return found;
    }
}
