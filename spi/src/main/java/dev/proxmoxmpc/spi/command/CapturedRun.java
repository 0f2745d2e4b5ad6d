package dev.proxmoxmpc.spi.command;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A command line run with its output captured instead of shown: see
 * {@link dev.proxmoxmpc.spi.kernel.KernelContext#capture(String)}.
 *
 * @param result how it ended
 * @param out    what it printed for the user or script (tables, or the {@code --json} document)
 * @param err    its warnings, errors and progress lines
 */
@API(status = EXPERIMENTAL, since = "1.1")
public record CapturedRun(CommandResult result, String out, String err) {
    public CapturedRun {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
