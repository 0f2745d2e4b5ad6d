package dev.proxmoxmpc.plugin.sync.command;

import java.util.List;

/** The line /import prints about the files no importer reads: how many, and which (the first few). */
final class SkippedFiles {
    static final int SHOWN = 5;

    private SkippedFiles() {}

    static String line(List<String> files) {
        String names = String.join(", ", files.subList(0, Math.min(SHOWN, files.size())))
                + (files.size() > SHOWN ? " and " + (files.size() - SHOWN) + " more" : "");
        return "Skipped " + files.size() + (files.size() == 1 ? " file" : " files") + " no importer reads: " + names;
    }
}
