package dev.proxmoxmpc.spi.command;

/** Process exit codes, the same for every command. */
public enum ExitCode {
    OK(0), FAILURE(1), USAGE(2), CHANGES_PENDING(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
