package dev.proxmoxmpc.plugin.terraform.parse;

/** Broken HCL: the message names {@code file:line:column} and what was expected. */
public final class HclSyntaxException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;

    public HclSyntaxException(String file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
