package dev.proxmoxmpc.spi.command;

/**
 * Process exit codes, the same for every command. {@link #CRITICAL} and {@link #UNKNOWN} are only for commands
 * that speak the monitoring-plugin convention on request ({@code health --nagios}: 0 ok, 1 warning, 2 critical,
 * 3 unknown); unlike {@link #CHANGES_PENDING}, they are the process's exit code as they are.
 */
public enum ExitCode {
    OK(0), FAILURE(1), USAGE(2), CHANGES_PENDING(3), CRITICAL(2), UNKNOWN(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
