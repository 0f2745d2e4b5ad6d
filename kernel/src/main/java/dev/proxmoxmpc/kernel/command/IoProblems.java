package dev.proxmoxmpc.kernel.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * File problems in the console's words: the path and what is wrong with it, never the JDK's exception class
 * ({@code /srv/x: permission denied}, not {@code java.nio.file.AccessDeniedException: /srv/x}). Pure.
 */
final class IoProblems {
    private IoProblems() {}

    /** @return {@code FILE: reason} for a file-system problem, else the message without a leading class name */
    static String message(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
            return printable(fs.getFile()) + other + ": " + reason(fs);
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        return msg.replaceFirst("^([a-z]+\\.)+[A-Z]\\w*(Exception|Error): ", "");
    }

    /** @return {@code 'a\0b' is not a valid path (Nul character not allowed)}: the input as typed, control characters escaped */
    static String message(InvalidPathException e) {
        return "'" + printable(e.getInput()) + "' is not a valid path (" + e.getReason() + ")";
    }

    private static String reason(FileSystemException fs) {
        if (fs.getReason() != null && !fs.getReason().isBlank()) {
            return fs.getReason();
        }
        if (fs instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (fs instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (fs instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (fs instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        }
        if (fs instanceof NotDirectoryException) {
            return "not a directory";
        }
        return "cannot be used";
    }

    /** @return {@code s} with control characters as {@code \0}, {@code \n} or {@code \\uXXXX}, and at most 200 characters */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 200; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                b.append("\\0");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() >= 200 && s.length() > 200 ? b + "..." : b.toString();
    }
}
