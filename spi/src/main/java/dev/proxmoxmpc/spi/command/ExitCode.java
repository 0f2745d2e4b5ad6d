package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Process exit codes, the same for every command. {@link #CRITICAL} and {@link #UNKNOWN} are only for commands
 * that speak the monitoring-plugin convention on request ({@code health --nagios}: 0 ok, 1 warning, 2 critical,
 * 3 unknown); unlike {@link #CHANGES_PENDING}, they are the process's exit code as they are.
 */
@API(status = STABLE, since = "1.0")
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
