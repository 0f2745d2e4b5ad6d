package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Process exit codes, the same for every command. */
@API(status = STABLE, since = "1.0")
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
